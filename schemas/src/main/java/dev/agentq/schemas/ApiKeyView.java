package dev.agentq.schemas;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** An API key without its secret; mirrors {@code api-key.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyView(
    String object,
    UUID id,
    String tenantId,
    String name,
    String prefix,
    Instant createdAt,
    Instant revokedAt) {

  public ApiKeyView(
      UUID id, String tenantId, String name, String prefix, Instant createdAt, Instant revokedAt) {
    this("api_key", id, tenantId, name, prefix, createdAt, revokedAt);
  }
}
