package dev.agentq.schemas.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An endpoint with its new secret, shown only when it is made or rotated; mirrors {@code
 * webhook-endpoint-with-secret.schema.json}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookEndpointWithSecret(
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
    Instant updatedAt,
    String secret) {

  public static WebhookEndpointWithSecret of(WebhookEndpointView view, String secret) {
    return new WebhookEndpointWithSecret(
        view.object(),
        view.id(),
        view.url(),
        view.description(),
        view.eventTypes(),
        view.enabled(),
        view.disabledReason(),
        view.disabledAt(),
        view.failingSince(),
        view.secrets(),
        view.createdAt(),
        view.updatedAt(),
        secret);
  }

  /** Never the secret: a record's default text would print it into logs. */
  @Override
  public String toString() {
    return "WebhookEndpointWithSecret[id=" + id + ", url=" + url + "]";
  }
}
