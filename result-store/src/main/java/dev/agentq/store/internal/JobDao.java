package dev.agentq.store.internal;

import dev.agentq.store.Job;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import tools.jackson.databind.JsonNode;

/** SQL over {@code jobs}. Every write by a worker is fenced by {@code attempt}. */
interface JobDao {

  @SqlBatch(
      """
      INSERT INTO jobs (id, tenant_id, agent, lane, status, input, thread_id, webhook_url, metadata,
                        max_attempts, created_at, updated_at)
      VALUES (:id, :tenantId, :agent, :lane, 'queued', :input, :threadId, :webhookUrl, :metadata,
              :maxAttempts, :now, :now)
      """)
  void insertAll(
      @Bind("id") List<UUID> ids,
      @Bind("tenantId") List<String> tenantIds,
      @Bind("agent") List<String> agents,
      @Bind("lane") List<String> lanes,
      @Bind("input") List<JsonNode> inputs,
      @Bind("threadId") List<String> threadIds,
      @Bind("webhookUrl") List<String> webhookUrls,
      @Bind("metadata") List<JsonNode> metadata,
      @Bind("maxAttempts") List<Integer> maxAttempts,
      @Bind("now") Instant now);

  /** Serializes submissions to one thread until the transaction ends, then says if it is busy. */
  @SqlQuery(
      """
      SELECT pg_advisory_xact_lock(hashtextextended(:tenantId || '/' || :threadId, 0)) IS NOT NULL
         AND EXISTS (SELECT 1 FROM jobs
                      WHERE tenant_id = :tenantId AND thread_id = :threadId
                        AND status IN ('queued', 'running', 'retry_wait'))
      """)
  boolean lockThreadAndCheckBusy(
      @Bind("tenantId") String tenantId, @Bind("threadId") String threadId);

  @SqlQuery("SELECT * FROM jobs WHERE id = :id")
  Optional<Job> find(@Bind("id") UUID id);

  /** Jobs queued per lane. */
  record LaneDepth(String lane, long jobs) {}

  @SqlQuery("SELECT lane, count(*) AS jobs FROM jobs WHERE status = 'queued' GROUP BY lane")
  @RegisterConstructorMapper(LaneDepth.class)
  List<LaneDepth> queuedByLane();

  @SqlQuery("SELECT id FROM jobs WHERE id = ANY(:ids)")
  List<UUID> existing(@Bind("ids") UUID[] ids);

  /**
   * Claims queued jobs. A job of a conversation thread runs only when no job of that thread runs
   * and none older waits, so that a thread's jobs run one at a time, in order.
   */
  @SqlQuery(
      """
      WITH claimed AS (
          UPDATE jobs
             SET status = 'running', attempt = attempt + 1, lease_owner = :owner,
                 lease_expires_at = :expires, started_at = COALESCE(started_at, :now), updated_at = :now
           WHERE id IN (
                 SELECT j.id FROM jobs j
                  WHERE j.id = ANY(:ids) AND j.status = 'queued'
                    AND (j.thread_id IS NULL OR NOT EXISTS (
                          SELECT 1 FROM jobs o
                           WHERE o.tenant_id = j.tenant_id AND o.thread_id = j.thread_id AND o.id <> j.id
                             AND (o.status = 'running'
                                  OR (o.status IN ('queued', 'retry_wait')
                                      AND (o.created_at, o.id) < (j.created_at, j.id)))))
                  FOR UPDATE SKIP LOCKED)
          RETURNING *),
      started AS (
          INSERT INTO job_events (job_id, type, data, created_at)
          SELECT id, 'job.started', jsonb_build_object('attempt', attempt, 'worker', lease_owner), :now
            FROM claimed)
      SELECT * FROM claimed
      """)
  List<Job> claim(
      @Bind("ids") UUID[] ids,
      @Bind("owner") String owner,
      @Bind("expires") Instant expires,
      @Bind("now") Instant now);

  /**
   * Renews the leases still held. Rows are locked in id order and rows another transaction holds (a
   * checkpoint or an end being written) are skipped this beat, so heartbeats never deadlock with
   * the jobs they keep alive.
   */
  @SqlQuery(
      """
      WITH held AS (
          SELECT id FROM jobs
           WHERE (id, attempt) IN (SELECT * FROM unnest(:ids, :attempts))
             AND lease_owner = :owner AND status = 'running'
           ORDER BY id
           FOR UPDATE SKIP LOCKED)
      UPDATE jobs SET lease_expires_at = :expires
        FROM held
       WHERE jobs.id = held.id
      RETURNING jobs.id, jobs.cancel_requested_at IS NOT NULL AS cancel_requested
      """)
  List<HeldLease> heartbeat(
      @Bind("ids") UUID[] ids,
      @Bind("attempts") int[] attempts,
      @Bind("owner") String owner,
      @Bind("expires") Instant expires);

  /**
   * Those of the given (id, attempt) pairs that {@code owner} no longer holds, read without locks.
   */
  @SqlQuery(
      """
      SELECT h.id FROM unnest(:ids, :attempts) AS h(id, attempt)
       WHERE NOT EXISTS (SELECT 1 FROM jobs j
                          WHERE j.id = h.id AND j.attempt = h.attempt
                            AND j.lease_owner = :owner AND j.status = 'running')
      """)
  List<UUID> lost(
      @Bind("ids") UUID[] ids, @Bind("attempts") int[] attempts, @Bind("owner") String owner);

  @SqlQuery(
      """
      WITH done AS (
          UPDATE jobs
             SET status = :status, output = :output, error = :error, model = :model,
                 input_tokens = (SELECT COALESCE(sum(input_tokens), 0) FROM job_steps
                                  WHERE job_id = :id AND kind = 'model'),
                 output_tokens = (SELECT COALESCE(sum(output_tokens), 0) FROM job_steps
                                   WHERE job_id = :id AND kind = 'model'),
                 lease_owner = NULL, lease_expires_at = NULL, finished_at = :now, updated_at = :now
           WHERE id = :id AND attempt = :attempt AND status = 'running'
          RETURNING *),
      ended AS (
          INSERT INTO job_events (job_id, type, data, created_at)
          SELECT id, :eventType, :eventData, :now FROM done)
      SELECT * FROM done
      """)
  Optional<Job> finish(
      @Bind("id") UUID id,
      @Bind("attempt") int attempt,
      @Bind("status") String status,
      @Bind("output") JsonNode output,
      @Bind("error") JsonNode error,
      @Bind("model") String model,
      @Bind("eventType") String eventType,
      @Bind("eventData") JsonNode eventData,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE jobs
         SET status = 'retry_wait', available_at = :retryAt, error = :error,
             lease_owner = NULL, lease_expires_at = NULL, updated_at = :now
       WHERE id = :id AND attempt = :attempt AND status = 'running'
      RETURNING *
      """)
  Optional<Job> retryLater(
      @Bind("id") UUID id,
      @Bind("attempt") int attempt,
      @Bind("error") JsonNode error,
      @Bind("retryAt") Instant retryAt,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, updated_at = :now
       WHERE id = :id AND attempt = :attempt AND status = 'running'
      RETURNING *
      """)
  Optional<Job> release(
      @Bind("id") UUID id, @Bind("attempt") int attempt, @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE jobs SET status = 'cancelled', available_at = NULL, finished_at = :now, updated_at = :now
       WHERE id = :id AND tenant_id = :tenantId AND status IN ('queued', 'retry_wait')
      RETURNING *
      """)
  Optional<Job> cancelWaiting(
      @Bind("tenantId") String tenantId, @Bind("id") UUID id, @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE jobs SET cancel_requested_at = :now, updated_at = :now
       WHERE id = :id AND tenant_id = :tenantId AND status = 'running' AND cancel_requested_at IS NULL
      RETURNING *
      """)
  Optional<Job> flagCancel(
      @Bind("tenantId") String tenantId, @Bind("id") UUID id, @Bind("now") Instant now);

  /** The job of the thread that runs next, if one waits and none runs. */
  @SqlQuery(
      """
      SELECT * FROM jobs j
       WHERE tenant_id = :tenantId AND thread_id = :threadId AND status = 'queued'
         AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.tenant_id = :tenantId
                           AND r.thread_id = :threadId AND r.status = 'running')
       ORDER BY created_at, id
       LIMIT 1
      """)
  Optional<Job> nextInThread(@Bind("tenantId") String tenantId, @Bind("threadId") String threadId);

  @SqlQuery(
      """
      UPDATE jobs SET status = 'queued', lease_owner = NULL, lease_expires_at = NULL, updated_at = :now
       WHERE id IN (SELECT id FROM jobs
                     WHERE status = 'running' AND lease_expires_at < :now AND attempt < max_attempts
                     ORDER BY lease_expires_at
                     LIMIT :limit
                     FOR UPDATE SKIP LOCKED)
      RETURNING *
      """)
  List<Job> requeueExpired(@Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery(
      """
      UPDATE jobs
         SET status = 'failed', error = :error, lease_owner = NULL, lease_expires_at = NULL,
             input_tokens = (SELECT COALESCE(sum(s.input_tokens), 0) FROM job_steps s
                              WHERE s.job_id = jobs.id AND s.kind = 'model'),
             output_tokens = (SELECT COALESCE(sum(s.output_tokens), 0) FROM job_steps s
                               WHERE s.job_id = jobs.id AND s.kind = 'model'),
             finished_at = :now, updated_at = :now
       WHERE id IN (SELECT id FROM jobs
                     WHERE status = 'running' AND lease_expires_at < :now AND attempt >= max_attempts
                     ORDER BY lease_expires_at
                     LIMIT :limit
                     FOR UPDATE SKIP LOCKED)
      RETURNING *
      """)
  List<Job> failExpired(
      @Bind("error") JsonNode error, @Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery(
      """
      UPDATE jobs SET status = 'queued', available_at = NULL, updated_at = :now
       WHERE id IN (SELECT id FROM jobs
                     WHERE status = 'retry_wait' AND available_at <= :now
                     ORDER BY available_at
                     LIMIT :limit
                     FOR UPDATE SKIP LOCKED)
      RETURNING *
      """)
  List<Job> queueDueRetries(@Bind("now") Instant now, @Bind("limit") int limit);

  @SqlQuery(
      """
      UPDATE jobs SET updated_at = :now
       WHERE id IN (SELECT j.id FROM jobs j
                     WHERE j.status = 'queued' AND j.updated_at < :cutoff
                       AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.message_key = j.id::text)
                     ORDER BY j.updated_at
                     LIMIT :limit
                     FOR UPDATE SKIP LOCKED)
      RETURNING *
      """)
  List<Job> touchStaleQueued(
      @Bind("cutoff") Instant cutoff, @Bind("now") Instant now, @Bind("limit") int limit);
}
