package dev.agentq.schemas;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code GET /v1/jobs/{id}/result}; mirrors {@code job-result.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobResultView(
    UUID id,
    JobState status,
    String agent,
    JsonNode output,
    ErrorInfo error,
    String model,
    Usage usage,
    List<StepView> steps,
    Instant createdAt,
    Instant finishedAt) {}
