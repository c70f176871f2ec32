package dev.agentq.store.batches;

import dev.agentq.schemas.batch.BatchCountsView;
import dev.agentq.schemas.batch.BatchLinks;
import dev.agentq.schemas.batch.BatchView;
import dev.agentq.schemas.batch.InvalidLineView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A stored batch as the API and the {@code batch.completed} webhook show it. */
public final class BatchViews {
  private BatchViews() {}

  /**
   * @param invalid the refused lines to list, or null to leave the field out
   * @param now the time the estimate counts from
   */
  public static BatchView of(
      Batch batch, BatchCounts counts, List<InvalidLine> invalid, Instant now) {
    return new BatchView(
        "batch",
        batch.id(),
        batch.status().wire(),
        new BatchCountsView(
            counts.total(),
            counts.queued(),
            counts.running(),
            counts.succeeded(),
            counts.failed(),
            counts.cancelled(),
            counts.invalid()),
        batch.createdAt(),
        batch.inProgressAt(),
        batch.completedAt(),
        batch.cancelledAt(),
        estimatedCompletion(batch, counts, now),
        batch.metadata(),
        invalid == null
            ? null
            : invalid.stream()
                .map(l -> new InvalidLineView(l.line(), l.customId(), l.code(), l.detail()))
                .toList(),
        BatchLinks.of(batch.id()));
  }

  /** Now plus the jobs left over the rate jobs have ended since the batch started. */
  static Instant estimatedCompletion(Batch batch, BatchCounts counts, Instant now) {
    if (batch.status() != BatchStatus.IN_PROGRESS || batch.inProgressAt() == null) {
      return null;
    }
    int finished = counts.finished();
    int left = counts.total() - finished;
    long elapsedMicros = Duration.between(batch.inProgressAt(), now).toNanos() / 1000;
    if (finished == 0 || left <= 0 || elapsedMicros <= 0) {
      return null;
    }
    long leftMicros = (long) ((double) elapsedMicros / finished * left);
    return now.plus(Duration.ofNanos(Math.multiplyExact(leftMicros, 1000L)));
  }
}
