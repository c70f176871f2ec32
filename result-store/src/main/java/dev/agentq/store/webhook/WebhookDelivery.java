package dev.agentq.store.webhook;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One webhook message and where it stands.
 *
 * @param id the {@code webhook-id}, the same on every attempt
 * @param endpointId the endpoint it goes to, or null for a job's own {@code webhook_url}
 * @param status {@code pending}, {@code sending}, {@code delivered} or {@code failed}
 * @param traceparent W3C trace context of the job's submit, set on deliveries claimed for sending
 *     when tracing was on; else null
 */
public record WebhookDelivery(
    String id,
    String tenantId,
    UUID endpointId,
    String url,
    UUID jobId,
    String eventType,
    JsonNode payload,
    String status,
    int attempts,
    Instant nextAttemptAt,
    Integer lastStatus,
    String lastError,
    Instant createdAt,
    Instant deliveredAt,
    String traceparent) {}
