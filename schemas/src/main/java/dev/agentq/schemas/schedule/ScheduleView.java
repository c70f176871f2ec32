package dev.agentq.schemas.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A schedule; mirrors {@code schedule.schema.json}. Exactly one of {@code job} and {@code batch} is
 * set; {@code runs} is null (left out) in listings.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScheduleView(
    String object,
    UUID id,
    String name,
    String cron,
    String timeZone,
    String status,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode job,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode batch,
    Instant nextRunAt,
    Instant lastRunAt,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ScheduleRunView> runs) {

  public ScheduleView {
    runs = runs == null ? null : List.copyOf(runs);
  }
}
