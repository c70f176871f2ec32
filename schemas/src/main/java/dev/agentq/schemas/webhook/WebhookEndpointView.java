package dev.agentq.schemas.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A webhook endpoint without its secret; mirrors {@code webhook-endpoint.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookEndpointView(
    String object,
    UUID id,
    String url,
    String description,
    List<String> eventTypes,
    boolean enabled,
    String disabledReason,
    Instant disabledAt,
    Instant failingSince,
    List<WebhookSecretView> secrets,
    Instant createdAt,
    Instant updatedAt) {

  public WebhookEndpointView(
      UUID id,
      String url,
      String description,
      List<String> eventTypes,
      boolean enabled,
      String disabledReason,
      Instant disabledAt,
      Instant failingSince,
      List<WebhookSecretView> secrets,
      Instant createdAt,
      Instant updatedAt) {
    this(
        "webhook_endpoint",
        id,
        url,
        description,
        List.copyOf(eventTypes),
        enabled,
        disabledReason,
        disabledAt,
        failingSince,
        List.copyOf(secrets),
        createdAt,
        updatedAt);
  }
}
