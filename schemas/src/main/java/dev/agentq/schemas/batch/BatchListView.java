package dev.agentq.schemas.batch;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Answer of {@code GET /v1/batches}; mirrors {@code batch-list.schema.json}.
 *
 * @param nextCursor where the next page starts, or null on the last page
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchListView(
    String object, List<BatchView> data, boolean hasMore, String nextCursor) {

  public BatchListView(List<BatchView> data, boolean hasMore, String nextCursor) {
    this("list", List.copyOf(data), hasMore, nextCursor);
  }
}
