package dev.agentq.store;

import dev.agentq.schemas.Lane;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A job as submitted, before it is stored.
 *
 * @param rejectIfThreadBusy refuse the job ({@link ThreadBusyException}) rather than queue it while
 *     another job of its thread has not ended
 */
public record NewJob(
    UUID id,
    String tenantId,
    String agent,
    Lane lane,
    JsonNode input,
    String threadId,
    String webhookUrl,
    Map<String, String> metadata,
    int maxAttempts,
    boolean rejectIfThreadBusy) {

  /** A job that waits its turn in its thread, if it has one. */
  public NewJob(
      UUID id,
      String tenantId,
      String agent,
      Lane lane,
      JsonNode input,
      String threadId,
      String webhookUrl,
      Map<String, String> metadata,
      int maxAttempts) {
    this(id, tenantId, agent, lane, input, threadId, webhookUrl, metadata, maxAttempts, false);
  }

  public NewJob {
    metadata = Map.copyOf(metadata);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
  }
}
