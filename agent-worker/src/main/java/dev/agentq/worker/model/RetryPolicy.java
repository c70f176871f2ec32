package dev.agentq.worker.model;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter: the n-th retry waits a random time up to {@code initial ×
 * 2^(n-1)}, capped at {@code max}.
 *
 * @param maxRetries retries of one call after its first try
 */
public record RetryPolicy(Duration initial, Duration max, int maxRetries) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(20), 6);

  /** The wait before retry number {@code retry} (from 1). */
  public Duration backoff(int retry, RandomGenerator random) {
    long ceiling = initial.toMillis() << Math.min(retry - 1, 20);
    ceiling = Math.min(ceiling, max.toMillis());
    return Duration.ofMillis(random.nextLong(ceiling / 2, ceiling + 1));
  }
}
