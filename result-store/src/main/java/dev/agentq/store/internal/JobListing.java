package dev.agentq.store.internal;

import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.store.JobPage;
import dev.agentq.store.JobQuery;
import dev.agentq.store.JobSummary;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** {@code JobStore.list}: keyset pagination over {@code (created_at, id)}, newest first. */
final class JobListing {
  private JobListing() {}

  static JobPage list(Jdbi jdbi, String tenantId, JobQuery query) {
    JobQuery.Position after = query.after();
    List<JobSummary> rows =
        jdbi.withExtension(
            ListingDao.class,
            dao ->
                dao.page(
                    tenantId,
                    query.statuses().stream().map(JobState::wire).toArray(String[]::new),
                    query.agent(),
                    query.createdFrom(),
                    query.createdBefore(),
                    Json.toTree(query.metadata()),
                    query.batchId(),
                    after == null ? null : after.createdAt(),
                    after == null ? null : after.id(),
                    query.limit() + 1));
    boolean hasMore = rows.size() > query.limit();
    return new JobPage(hasMore ? rows.subList(0, query.limit()) : rows, hasMore);
  }
}
