package dev.agentq.schemas.webhook;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The tenant's secret for jobs' own {@code webhook_url}s; mirrors {@code
 * webhook-signing-secret.schema.json}.
 *
 * @param secret the current secret
 * @param secrets every secret that signs now, newest first, without values
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookSigningSecretView(
    String object, String secret, Instant createdAt, List<WebhookSecretView> secrets) {

  public WebhookSigningSecretView(
      String secret, Instant createdAt, List<WebhookSecretView> secrets) {
    this("webhook_signing_secret", secret, createdAt, List.copyOf(secrets));
  }

  /** Never the secret: a record's default text would print it into logs. */
  @Override
  public String toString() {
    return "WebhookSigningSecretView[createdAt=" + createdAt + "]";
  }
}
