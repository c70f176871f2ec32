package dev.agentq.schemas;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code GET /v1/jobs/{id}}; mirrors {@code job.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobView(
    UUID id,
    String agent,
    JobState status,
    Lane lane,
    JsonNode input,
    Map<String, String> metadata,
    String threadId,
    String webhookUrl,
    int attempt,
    int maxAttempts,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt,
    ErrorInfo error,
    Links links) {}
