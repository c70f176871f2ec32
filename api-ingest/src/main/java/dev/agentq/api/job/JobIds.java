package dev.agentq.api.job;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Job ids: UUID version 7 (RFC 9562), time-ordered so that new rows land at the end of the index.
 */
public final class JobIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;

  public JobIds(Clock clock) {
    this.clock = clock;
  }

  public UUID next() {
    long millis = clock.millis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  /** The id in a URL, if it is one; anything else names no job. */
  public static Optional<UUID> parse(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
