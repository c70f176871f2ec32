package dev.agentq.store.batches;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A stored batch, as one row of {@code batches}.
 *
 * @param lineCount lines read so far (blank ones included)
 * @param jobCount jobs made from them
 * @param invalidCount lines refused
 * @param intakeDone the whole upload has been read; until then the batch cannot end
 */
public record Batch(
    UUID id,
    String tenantId,
    BatchStatus status,
    int lineCount,
    int jobCount,
    int invalidCount,
    boolean intakeDone,
    String webhookUrl,
    Map<String, String> metadata,
    Instant createdAt,
    Instant updatedAt,
    Instant inProgressAt,
    Instant completedAt,
    Instant cancelledAt) {

  public Batch {
    metadata = Map.copyOf(metadata);
  }

  /** A batch's place in the listing order: creation time, then id, both descending. */
  public record Position(Instant createdAt, UUID id) {}

  public Position position() {
    return new Position(createdAt, id);
  }
}
