package dev.agentq.api.batch;

import java.util.Map;

/**
 * How to take a batch in.
 *
 * @param allOrNothing refuse the whole batch if any line is bad; nothing is kept then
 * @param webhookUrl where {@code batch.completed} goes besides the tenant's endpoints, or null
 * @param metadata string pairs stored with the batch and echoed back
 */
public record BatchOptions(boolean allOrNothing, String webhookUrl, Map<String, String> metadata) {

  public BatchOptions {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** Every line that can be kept is kept, no webhook of its own, no metadata. */
  public static BatchOptions defaults() {
    return new BatchOptions(false, null, Map.of());
  }
}
