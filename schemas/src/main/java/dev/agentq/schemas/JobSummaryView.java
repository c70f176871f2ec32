package dev.agentq.schemas;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A job in {@code GET /v1/jobs}; mirrors {@code job-summary.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobSummaryView(
    UUID id,
    String agent,
    JobState status,
    Lane lane,
    Map<String, String> metadata,
    int attempt,
    int maxAttempts,
    ErrorInfo error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    Links links) {}
