package dev.agentq.store.internal;

import dev.agentq.store.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import tools.jackson.databind.JsonNode;

/** SQL over {@code job_steps}, the checkpoints. */
interface StepDao {

  @SqlQuery("SELECT * FROM job_steps WHERE job_id = :jobId ORDER BY seq")
  List<Checkpoint> list(@Bind("jobId") UUID jobId);

  @SqlQuery(
      "SELECT count(*) FROM job_steps WHERE job_id = :jobId AND kind = 'step' AND parent_seq IS NULL")
  int countTopLevelSteps(@Bind("jobId") UUID jobId);

  /**
   * Inserts each checkpoint, and the event of each top-level step, only if its attempt still holds
   * its job. {@code FOR SHARE} makes a concurrent claim wait for this transaction, and makes this
   * statement see a claim that committed first, so a stale attempt can never slip a checkpoint in.
   * One statement per checkpoint, one transaction for all: a group commit. Each count is 1, or 0
   * when fenced off.
   */
  @SqlBatch(
      """
      WITH fence AS (
          SELECT id FROM jobs WHERE id = :jobId AND attempt = :attempt AND status = 'running' FOR SHARE),
      completed AS (
          INSERT INTO job_events (job_id, type, data, created_at)
          SELECT id, 'step.completed', CAST(:eventData AS jsonb), :finishedAt
            FROM fence WHERE CAST(:eventData AS jsonb) IS NOT NULL)
      INSERT INTO job_steps (job_id, seq, name, kind, parent_seq, end_seq, attempt, output, model,
                             input_tokens, output_tokens, started_at, finished_at)
      SELECT id, :seq, :name, :kind, :parentSeq, :endSeq, :attempt, :output, :model,
             :inputTokens, :outputTokens, :startedAt, :finishedAt
        FROM fence
      """)
  int[] insertFenced(
      @Bind("jobId") List<UUID> jobIds,
      @Bind("attempt") List<Integer> attempts,
      @Bind("seq") List<Integer> seqs,
      @Bind("name") List<String> names,
      @Bind("kind") List<String> kinds,
      @Bind("parentSeq") List<Integer> parentSeqs,
      @Bind("endSeq") List<Integer> endSeqs,
      @Bind("output") List<JsonNode> outputs,
      @Bind("model") List<String> models,
      @Bind("inputTokens") List<Long> inputTokens,
      @Bind("outputTokens") List<Long> outputTokens,
      @Bind("startedAt") List<Instant> startedAts,
      @Bind("finishedAt") List<Instant> finishedAts,
      @Bind("eventData") List<JsonNode> eventData);
}
