package dev.agentq.store;

import java.time.Duration;
import java.util.UUID;

/**
 * A token bucket per API key, shared by every API instance: each request takes a token, and tokens
 * come back at a steady rate up to the bucket's size.
 */
public interface RateLimiter {

  /** Takes a token from {@code keyId}'s bucket if it has one, refilling it first. */
  default Decision take(UUID keyId, Rate rate) {
    return take(keyId, rate, 1);
  }

  /**
   * Takes up to {@code wanted} tokens at once from {@code keyId}'s bucket, refilling it first: as
   * many as it holds whole, maybe none.
   */
  Decision take(UUID keyId, Rate rate, int wanted);

  /**
   * A bucket's shape.
   *
   * @param perSecond tokens added per second
   * @param burst tokens held when full
   */
  record Rate(double perSecond, int burst) {
    public Rate {
      if (!(perSecond > 0) || burst < 1) {
        throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1");
      }
    }

    /** How long until the bucket holds {@code tokens} again, from {@code has}. */
    public Duration timeToReach(double tokens, double has) {
      double seconds = Math.max(0, tokens - has) / perSecond;
      return Duration.ofNanos((long) Math.ceil(seconds * 1e9));
    }
  }

  /**
   * What the bucket said.
   *
   * @param granted how many tokens were taken
   * @param remaining tokens left in the bucket after this request
   */
  record Decision(int granted, double remaining, Rate rate) {

    /** Whether at least one token was taken. */
    public boolean allowed() {
      return granted > 0;
    }

    /** How long until a request would be allowed again: zero when one would be now. */
    public Duration retryAfter() {
      return rate.timeToReach(1, remaining);
    }

    /** How long until the bucket is full again. */
    public Duration untilFull() {
      return rate.timeToReach(rate.burst(), remaining);
    }
  }
}
