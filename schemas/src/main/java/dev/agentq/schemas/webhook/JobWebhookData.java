package dev.agentq.schemas.webhook;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Links;
import dev.agentq.schemas.Usage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The {@code data} of a {@code job.*} webhook: the job as it ended (or as it progressed). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobWebhookData(
    UUID id,
    JobState status,
    String agent,
    Map<String, String> metadata,
    JsonNode output,
    ErrorInfo error,
    String model,
    Usage usage,
    String step,
    Instant createdAt,
    Instant finishedAt,
    Links links) {}
