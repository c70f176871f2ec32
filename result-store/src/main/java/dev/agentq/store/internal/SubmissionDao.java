package dev.agentq.store.internal;

import dev.agentq.store.Job;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import tools.jackson.databind.JsonNode;

/** SQL of a submission: the job, its first event and its dispatch message, in one statement. */
interface SubmissionDao {

  /**
   * Inserts all three unless the tenant already has {@code maxQueued} jobs waiting in the job's
   * lane; then nothing and an empty answer. The count stops at the cap, so a long queue does not
   * slow submits down; a long queue of the other lane is only stepped over.
   */
  @SqlQuery(
      """
      WITH job AS (
          INSERT INTO jobs (id, tenant_id, agent, lane, status, input, thread_id, webhook_url,
                            metadata, max_attempts, created_at, updated_at, traceparent)
          SELECT :id, :tenantId, :agent, :lane, 'queued', :input, :threadId, :webhookUrl, :metadata,
                 :maxAttempts, :now, :now, CAST(:payload AS jsonb) ->> 'traceparent'
           WHERE (SELECT count(*) FROM (SELECT 1 FROM jobs
                                         WHERE tenant_id = :tenantId
                                           AND status IN ('queued', 'retry_wait')
                                           AND lane = :lane
                                         LIMIT :maxQueued) waiting) < :maxQueued
          RETURNING *),
      queued AS (
          INSERT INTO job_events (job_id, type, data, created_at)
          SELECT id, :eventType, :eventData, :now FROM job),
      dispatch AS (
          INSERT INTO outbox (topic, message_key, payload, created_at)
          SELECT :topic, CAST(id AS text), :payload, :now FROM job)
      SELECT * FROM job
      """)
  Optional<Job> insert(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("agent") String agent,
      @Bind("lane") String lane,
      @Bind("input") JsonNode input,
      @Bind("threadId") String threadId,
      @Bind("webhookUrl") String webhookUrl,
      @Bind("metadata") JsonNode metadata,
      @Bind("maxAttempts") int maxAttempts,
      @Bind("maxQueued") int maxQueued,
      @Bind("eventType") String eventType,
      @Bind("eventData") JsonNode eventData,
      @Bind("topic") String topic,
      @Bind("payload") JsonNode payload,
      @Bind("now") Instant now);
}
