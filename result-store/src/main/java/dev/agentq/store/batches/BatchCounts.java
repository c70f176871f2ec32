package dev.agentq.store.batches;

/**
 * How a batch's jobs stand; {@code retry_wait} counts as queued.
 *
 * @param total jobs made from valid lines
 * @param invalid lines refused
 */
public record BatchCounts(
    int total, int queued, int running, int succeeded, int failed, int cancelled, int invalid) {

  /** Jobs that have ended. */
  public int finished() {
    return succeeded + failed + cancelled;
  }
}
