package dev.agentq.schemas.schedule;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code GET /v1/schedules}; mirrors {@code schedule-list.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScheduleList(
    String object, List<ScheduleView> data, boolean hasMore, String nextCursor) {
  public ScheduleList(List<ScheduleView> data, boolean hasMore, String nextCursor) {
    this("list", List.copyOf(data), hasMore, nextCursor);
  }
}
