package dev.agentq.schemas;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code GET /v1/jobs/{id}/status}; mirrors {@code job-status.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobStatusView(
    UUID id,
    JobState status,
    String agent,
    int attempt,
    int stepsCompleted,
    Instant createdAt,
    Instant updatedAt,
    Instant startedAt,
    Instant finishedAt,
    Instant cancelRequestedAt,
    ErrorInfo error) {}
