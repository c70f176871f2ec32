package dev.agentq.api.batch;

import dev.agentq.schemas.batch.BatchView;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchStore;
import dev.agentq.store.batches.BatchViews;
import java.time.Clock;

/** A stored batch as the API shows it: with its counts, and its refused lines when asked. */
public final class BatchViewer {
  private final BatchStore batches;
  private final Clock clock;

  public BatchViewer(BatchStore batches, Clock clock) {
    this.batches = batches;
    this.clock = clock;
  }

  /** The whole view, with the first refused lines. */
  BatchView view(Batch batch) {
    return BatchViews.of(
        batch,
        batches.counts(batch),
        batches.invalidLines(batch.id(), BatchIntake.LISTED_INVALID_LINES),
        clock.instant());
  }

  /** The view without refused lines, as listings show it. */
  BatchView summary(Batch batch) {
    return BatchViews.of(batch, batches.counts(batch), null, clock.instant());
  }
}
