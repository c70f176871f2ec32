package dev.agentq.store.batches;

import java.util.Map;
import java.util.UUID;

/**
 * A batch as submitted, before its lines are read.
 *
 * @param webhookUrl where {@code batch.completed} goes, besides the tenant's endpoints; or null
 * @param requestId the upload's correlation id, recorded in its jobs' first events and messages
 */
public record NewBatch(
    UUID id, String tenantId, String webhookUrl, Map<String, String> metadata, String requestId) {

  public NewBatch {
    metadata = Map.copyOf(metadata);
  }
}
