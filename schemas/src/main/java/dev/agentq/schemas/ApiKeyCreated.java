package dev.agentq.schemas;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A key just made, with its secret, which is never shown again; mirrors {@code
 * api-key-created.schema.json}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyCreated(
    String object,
    UUID id,
    String tenantId,
    String name,
    String prefix,
    Instant createdAt,
    Instant revokedAt,
    String key) {

  public static ApiKeyCreated of(ApiKeyView view, String key) {
    return new ApiKeyCreated(
        view.object(),
        view.id(),
        view.tenantId(),
        view.name(),
        view.prefix(),
        view.createdAt(),
        view.revokedAt(),
        key);
  }

  /** Never the secret: a record's default text would print it into logs. */
  @Override
  public String toString() {
    return "ApiKeyCreated[id=" + id + ", tenantId=" + tenantId + ", prefix=" + prefix + "]";
  }
}
