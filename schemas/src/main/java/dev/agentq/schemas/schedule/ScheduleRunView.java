package dev.agentq.schemas.schedule;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One run of a schedule; mirrors {@code schedule.schema.json#/properties/runs/items}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScheduleRunView(
    Instant scheduledFor,
    Instant firedAt,
    boolean catchUp,
    String outcome,
    UUID jobId,
    UUID batchId,
    String detail) {}
