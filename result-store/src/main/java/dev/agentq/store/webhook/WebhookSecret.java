package dev.agentq.store.webhook;

import java.time.Instant;

/**
 * A signing secret; one being rotated out stays valid until {@code expiresAt}.
 *
 * @param expiresAt null while the secret is current
 */
public record WebhookSecret(String value, Instant createdAt, Instant expiresAt) {

  public boolean liveAt(Instant now) {
    return expiresAt == null || expiresAt.isAfter(now);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "WebhookSecret[createdAt=" + createdAt + ", expiresAt=" + expiresAt + "]";
  }
}
