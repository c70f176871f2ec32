package dev.agentq.store.internal;

import dev.agentq.store.Job;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchResult;
import dev.agentq.store.batches.InvalidLine;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import tools.jackson.databind.JsonNode;

/** SQL of batches: the batch row, its refused lines, and its jobs taken together. */
@RegisterRowMapper(BatchRows.BatchMapper.class)
@RegisterRowMapper(BatchRows.InvalidLineMapper.class)
@RegisterRowMapper(BatchRows.ResultMapper.class)
@RegisterRowMapper(BatchRows.StatusCountsMapper.class)
interface BatchDao {

  @SqlUpdate(
      """
      INSERT INTO batches (id, tenant_id, status, webhook_url, metadata, created_at, updated_at)
      VALUES (:id, :tenantId, 'validating', :webhookUrl, :metadata, :now, :now)
      """)
  void insert(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("webhookUrl") String webhookUrl,
      @Bind("metadata") JsonNode metadata,
      @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM batches WHERE id = :id FOR UPDATE")
  Optional<Batch> lock(@Bind("id") UUID id);

  @SqlQuery("SELECT * FROM batches WHERE id = :id AND tenant_id = :tenantId")
  Optional<Batch> find(@Bind("tenantId") String tenantId, @Bind("id") UUID id);

  /** The batch, its jobs (their events and steps with them) and their unsent dispatch messages. */
  @SqlUpdate(
      """
      WITH unsent AS (
          DELETE FROM outbox
           WHERE message_key IN (SELECT CAST(id AS text) FROM jobs WHERE batch_id = :id))
      DELETE FROM batches WHERE id = :id
      """)
  void delete(@Bind("id") UUID id);

  /**
   * A chunk's jobs, each with its {@code job.queued} event and dispatch message, in one statement;
   * the events and messages come as JSON text built by the caller, one per job.
   */
  @SqlUpdate(
      """
      WITH line AS (
          SELECT * FROM unnest(:ids, :agents, :inputs, :metadata, :customIds, :lines, :events,
                               :payloads)
                     AS l(id, agent, input, metadata, custom_id, line, event, payload)),
      job AS (
          INSERT INTO jobs (id, tenant_id, agent, lane, status, input, metadata, max_attempts,
                            created_at, updated_at, batch_id, custom_id, batch_line)
          SELECT id, :tenantId, agent, 'batch', 'queued', CAST(input AS jsonb),
                 CAST(metadata AS jsonb), :maxAttempts, :now, :now, :batchId, custom_id, line
            FROM line
          RETURNING id),
      queued AS (
          INSERT INTO job_events (job_id, type, data, created_at)
          SELECT id, 'job.queued', CAST(event AS jsonb), :now FROM line)
      INSERT INTO outbox (topic, message_key, payload, created_at)
      SELECT :topic, CAST(id AS text), CAST(payload AS jsonb), :now FROM line
       WHERE id IN (SELECT id FROM job)
      """)
  int insertJobs(
      @Bind("batchId") UUID batchId,
      @Bind("tenantId") String tenantId,
      @Bind("maxAttempts") int maxAttempts,
      @Bind("topic") String topic,
      @Bind("ids") UUID[] ids,
      @Bind("agents") String[] agents,
      @Bind("inputs") String[] inputs,
      @Bind("metadata") String[] metadata,
      @Bind("customIds") String[] customIds,
      @Bind("lines") int[] lines,
      @Bind("events") String[] events,
      @Bind("payloads") String[] payloads,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      INSERT INTO batch_invalid_lines (batch_id, line, custom_id, code, detail)
      SELECT :batchId, * FROM unnest(:lines, :customIds, :codes, :details)
      """)
  void insertInvalid(
      @Bind("batchId") UUID batchId,
      @Bind("lines") int[] lines,
      @Bind("customIds") String[] customIds,
      @Bind("codes") String[] codes,
      @Bind("details") String[] details);

  /** Counts a chunk in; the batch is in progress from its first job. */
  @SqlQuery(
      """
      UPDATE batches
         SET line_count = line_count + :lines, job_count = job_count + :jobs,
             invalid_count = invalid_count + :invalid,
             status = CASE WHEN status = 'validating' AND job_count + :jobs > 0
                           THEN 'in_progress' ELSE status END,
             in_progress_at = CASE WHEN in_progress_at IS NULL AND job_count + :jobs > 0
                                   THEN :now ELSE in_progress_at END,
             updated_at = :now
       WHERE id = :id
      RETURNING *
      """)
  Batch count(
      @Bind("id") UUID id,
      @Bind("lines") int lines,
      @Bind("jobs") int jobs,
      @Bind("invalid") int invalid,
      @Bind("now") Instant now);

  /** The whole upload is in; a batch that made no job has failed. */
  @SqlQuery(
      """
      UPDATE batches
         SET intake_done = true, updated_at = :now,
             status = CASE WHEN status = 'validating' THEN 'failed' ELSE status END,
             completed_at = CASE WHEN status = 'validating' THEN :now ELSE completed_at END
       WHERE id = :id
      RETURNING *
      """)
  Batch seal(@Bind("id") UUID id, @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT count(*) FILTER (WHERE status IN ('queued', 'retry_wait')) AS queued,
             count(*) FILTER (WHERE status = 'running') AS running,
             count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
             count(*) FILTER (WHERE status = 'failed') AS failed,
             count(*) FILTER (WHERE status = 'cancelled') AS cancelled
        FROM jobs WHERE batch_id = :id
      """)
  BatchRows.StatusCounts counts(@Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT EXISTS (SELECT 1 FROM jobs
                      WHERE batch_id = :id AND status IN ('queued', 'running', 'retry_wait'))
      """)
  boolean anyUnfinished(@Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT EXISTS (SELECT 1 FROM jobs
                      WHERE batch_id = :id AND status IN ('queued', 'retry_wait'))
      """)
  boolean anyWaiting(@Bind("id") UUID id);

  /** The end of a batch whose jobs have all ended: cancelled if it was cancelling. */
  @SqlQuery(
      """
      UPDATE batches
         SET status = CASE WHEN status = 'cancelling' THEN 'cancelled' ELSE 'completed' END,
             completed_at = CASE WHEN status = 'cancelling' THEN NULL ELSE :now END,
             cancelled_at = CASE WHEN status = 'cancelling' THEN :now ELSE NULL END,
             updated_at = :now
       WHERE id = :id AND status IN ('in_progress', 'cancelling')
      RETURNING *
      """)
  Optional<Batch> end(@Bind("id") UUID id, @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE batches SET status = 'cancelling', updated_at = :now
       WHERE id = :id AND tenant_id = :tenantId AND status IN ('validating', 'in_progress')
      RETURNING *
      """)
  Optional<Batch> markCancelling(
      @Bind("tenantId") String tenantId, @Bind("id") UUID id, @Bind("now") Instant now);

  /**
   * Cancels up to {@code limit} waiting jobs of the batch. Rows are locked in id order, and a
   * worker's claim (which skips locked rows) never waits for this, so the two never deadlock.
   */
  @SqlQuery(
      """
      UPDATE jobs SET status = 'cancelled', available_at = NULL, finished_at = :now, updated_at = :now
       WHERE id IN (SELECT id FROM jobs
                     WHERE batch_id = :id AND status IN ('queued', 'retry_wait')
                     ORDER BY id
                     LIMIT :limit
                     FOR UPDATE)
         AND status IN ('queued', 'retry_wait')
      RETURNING *
      """)
  List<Job> cancelWaiting(@Bind("id") UUID id, @Bind("limit") int limit, @Bind("now") Instant now);

  /** Asks the batch's running jobs to stop at their next step boundary. */
  @SqlQuery(
      """
      UPDATE jobs SET cancel_requested_at = :now, updated_at = :now
       WHERE batch_id = :id AND status = 'running' AND cancel_requested_at IS NULL
      RETURNING id
      """)
  List<UUID> flagRunning(@Bind("id") UUID id, @Bind("now") Instant now);

  /** The batches, in id order, that some of these jobs belong to. */
  @SqlQuery(
      """
      SELECT DISTINCT batch_id FROM jobs
       WHERE id = ANY(:jobIds) AND batch_id IS NOT NULL
       ORDER BY batch_id
      """)
  List<UUID> batchesOf(@Bind("jobIds") UUID[] jobIds);

  @SqlQuery(
      """
      SELECT * FROM batch_invalid_lines WHERE batch_id = :id ORDER BY line LIMIT :limit
      """)
  List<InvalidLine> invalidLines(@Bind("id") UUID id, @Bind("limit") int limit);

  @SqlQuery(
      """
      SELECT * FROM batches
       WHERE tenant_id = :tenantId
         AND (CAST(:afterAt AS timestamptz) IS NULL
              OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
       ORDER BY created_at DESC, id DESC
       LIMIT :limit
      """)
  List<Batch> page(
      @Bind("tenantId") String tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlQuery(
      """
      SELECT id, batch_line, custom_id, status, output, error FROM jobs
       WHERE batch_id = :id AND batch_line > :afterLine
         AND (NOT :errorsOnly OR status IN ('failed', 'cancelled'))
       ORDER BY batch_line
       LIMIT :limit
      """)
  List<BatchResult> results(
      @Bind("id") UUID id,
      @Bind("afterLine") int afterLine,
      @Bind("limit") int limit,
      @Bind("errorsOnly") boolean errorsOnly);
}
