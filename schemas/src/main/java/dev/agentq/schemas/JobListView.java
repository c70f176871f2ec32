package dev.agentq.schemas;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Answer of {@code GET /v1/jobs}; mirrors {@code job-list.schema.json}.
 *
 * @param nextCursor where the next page starts, or null on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobListView(
    String object, List<JobSummaryView> data, boolean hasMore, String nextCursor) {

  public JobListView(List<JobSummaryView> data, boolean hasMore, String nextCursor) {
    this("list", List.copyOf(data), hasMore, nextCursor);
  }
}
