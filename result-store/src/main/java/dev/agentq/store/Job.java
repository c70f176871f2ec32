package dev.agentq.store;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Usage;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A stored job, as one row of {@code jobs}.
 *
 * @param availableAt when a job waiting to be retried becomes due
 * @param cancelRequestedAt when cancellation of the running job was asked for
 */
public record Job(
    UUID id,
    String tenantId,
    String agent,
    Lane lane,
    JobState status,
    JsonNode input,
    String threadId,
    String webhookUrl,
    Map<String, String> metadata,
    int attempt,
    int maxAttempts,
    String leaseOwner,
    Instant leaseExpiresAt,
    JsonNode output,
    ErrorInfo error,
    String model,
    Usage usage,
    Instant createdAt,
    Instant updatedAt,
    Instant startedAt,
    Instant finishedAt,
    Instant availableAt,
    Instant cancelRequestedAt) {}
