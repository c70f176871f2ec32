package dev.agentq.store;

import dev.agentq.schemas.Lane;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A job as submitted, before it is stored. */
public record NewJob(
    UUID id,
    String tenantId,
    String agent,
    Lane lane,
    JsonNode input,
    String threadId,
    String webhookUrl,
    Map<String, String> metadata,
    int maxAttempts) {

  public NewJob {
    metadata = Map.copyOf(metadata);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }
}
