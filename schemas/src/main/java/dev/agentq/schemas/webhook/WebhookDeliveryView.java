package dev.agentq.schemas.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A webhook message with its attempts; mirrors {@code webhook-delivery.schema.json}.
 *
 * @param id the {@code webhook-id}
 * @param endpointId null for a job's own {@code webhook_url}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookDeliveryView(
    String object,
    String id,
    UUID endpointId,
    UUID jobId,
    String url,
    String eventType,
    String status,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant deliveredAt,
    List<WebhookAttemptView> attempts) {

  public WebhookDeliveryView(
      String id,
      UUID endpointId,
      UUID jobId,
      String url,
      String eventType,
      String status,
      Instant nextAttemptAt,
      Instant createdAt,
      Instant deliveredAt,
      List<WebhookAttemptView> attempts) {
    this(
        "webhook_delivery",
        id,
        endpointId,
        jobId,
        url,
        eventType,
        status,
        nextAttemptAt,
        createdAt,
        deliveredAt,
        List.copyOf(attempts));
  }
}
