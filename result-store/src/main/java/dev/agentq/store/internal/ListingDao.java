package dev.agentq.store.internal;

import dev.agentq.store.JobSummary;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import tools.jackson.databind.JsonNode;

/** SQL of job listings; a null or empty filter matches every job. */
@RegisterRowMapper(JobSummaryMapper.class)
interface ListingDao {

  @SqlQuery(
      """
      SELECT id, agent, lane, status, metadata, attempt, max_attempts, error,
             created_at, started_at, finished_at
        FROM jobs
       WHERE tenant_id = :tenantId
         AND (cardinality(CAST(:statuses AS text[])) = 0 OR status = ANY(:statuses))
         AND (CAST(:agent AS text) IS NULL OR agent = :agent)
         AND (CAST(:createdFrom AS timestamptz) IS NULL OR created_at >= :createdFrom)
         AND (CAST(:createdBefore AS timestamptz) IS NULL OR created_at < :createdBefore)
         AND metadata @> :metadata
         AND (CAST(:batchId AS uuid) IS NULL OR batch_id = :batchId)
         AND (CAST(:afterAt AS timestamptz) IS NULL
              OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
       ORDER BY created_at DESC, id DESC
       LIMIT :limit
      """)
  List<JobSummary> page(
      @Bind("tenantId") String tenantId,
      @Bind("statuses") String[] statuses,
      @Bind("agent") String agent,
      @Bind("createdFrom") Instant createdFrom,
      @Bind("createdBefore") Instant createdBefore,
      @Bind("metadata") JsonNode metadata,
      @Bind("batchId") UUID batchId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);
}
