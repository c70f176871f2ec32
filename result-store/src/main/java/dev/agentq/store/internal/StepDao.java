package dev.agentq.store.internal;

import dev.agentq.store.Checkpoint;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import tools.jackson.databind.JsonNode;

/** SQL over {@code job_steps}, the checkpoints. */
interface StepDao {

  @SqlQuery("SELECT * FROM job_steps WHERE job_id = :jobId ORDER BY seq")
  List<Checkpoint> list(@Bind("jobId") UUID jobId);

  @SqlQuery("SELECT count(*) FROM job_steps WHERE job_id = :jobId")
  int count(@Bind("jobId") UUID jobId);

  /**
   * Inserts the checkpoint and its event only if {@code attempt} still holds the job. {@code FOR
   * SHARE} makes a concurrent claim wait for this transaction, and makes this statement see a claim
   * that committed first, so a stale attempt can never slip a checkpoint in. Returns 1, or 0 when
   * fenced off.
   */
  @SqlQuery(
      """
      WITH fence AS (
          SELECT id FROM jobs WHERE id = :jobId AND attempt = :attempt AND status = 'running' FOR SHARE),
      step AS (
          INSERT INTO job_steps (job_id, seq, name, attempt, output, model, input_tokens, output_tokens,
                                 started_at, finished_at)
          SELECT id, :seq, :name, :attempt, :output, :model, :inputTokens, :outputTokens,
                 :startedAt, :finishedAt
            FROM fence
          RETURNING job_id),
      completed AS (
          INSERT INTO job_events (job_id, type, data, created_at)
          SELECT job_id, 'step.completed', :eventData, :finishedAt FROM step)
      SELECT count(*) FROM step
      """)
  int insertFenced(
      @Bind("jobId") UUID jobId,
      @Bind("attempt") int attempt,
      @Bind("seq") int seq,
      @Bind("name") String name,
      @Bind("output") JsonNode output,
      @Bind("model") String model,
      @Bind("inputTokens") long inputTokens,
      @Bind("outputTokens") long outputTokens,
      @Bind("startedAt") Instant startedAt,
      @Bind("finishedAt") Instant finishedAt,
      @Bind("eventData") JsonNode eventData);
}
