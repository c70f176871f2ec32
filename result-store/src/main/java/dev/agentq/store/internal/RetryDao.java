package dev.agentq.store.internal;

import dev.agentq.store.Job;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of a retry asked for by a client. */
interface RetryDao {

  @SqlQuery(
      """
      WITH retried AS (
          UPDATE jobs
             SET status = 'queued', error = NULL, output = NULL, model = NULL, finished_at = NULL,
                 max_attempts = attempt + :attempts, updated_at = :now
           WHERE id = :id AND tenant_id = :tenantId AND status = 'failed'
          RETURNING *),
      retrying AS (
          INSERT INTO job_events (job_id, type, data, created_at)
          SELECT id, 'job.retrying',
                 jsonb_strip_nulls(jsonb_build_object(
                     'reason', 'retry_requested', 'attempt', attempt, 'max_attempts', max_attempts,
                     'request_id', CAST(:requestId AS text))),
                 :now
            FROM retried)
      SELECT * FROM retried
      """)
  Optional<Job> retry(
      @Bind("tenantId") String tenantId,
      @Bind("id") UUID id,
      @Bind("attempts") int attempts,
      @Bind("requestId") String requestId,
      @Bind("now") Instant now);
}
