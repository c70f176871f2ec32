package dev.agentq.store;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as stored: never its secret, only a hash of it and its first characters.
 *
 * @param prefix the key's first characters, such as {@code aq_4fK9x2Lm}, to tell keys apart
 * @param revokedAt when it stopped working, or null while it works
 */
public record ApiKey(
    UUID id, String tenantId, String name, String prefix, Instant createdAt, Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
