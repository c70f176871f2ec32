package dev.agentq.api.auth;

import dev.agentq.store.RateLimiter;
import dev.agentq.store.RateLimiter.Decision;
import dev.agentq.store.RateLimiter.Rate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Takes tokens from the shared buckets a few at a time and hands them out here, so that a busy key
 * does not write its bucket's row on every request. A lease is at most a twentieth of a second of
 * the key's rate and a tenth of its burst (one token for small buckets, which stay exact), and
 * lapses after a second: an instance can hold back only that little from the others.
 */
public final class TokenLeases {
  private static final long LIFETIME_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final RateLimiter shared;
  private final Map<UUID, Lease> leases = new ConcurrentHashMap<>();

  public TokenLeases(RateLimiter shared) {
    this.shared = shared;
  }

  /** Takes one token for a request of {@code keyId}. */
  public Decision take(UUID keyId, Rate rate) {
    Lease lease = leases.computeIfAbsent(keyId, id -> new Lease());
    lease.lock.lock();
    try {
      long now = System.nanoTime();
      if (lease.tokens > 0 && now - lease.takenAt < LIFETIME_NANOS && rate.equals(lease.rate)) {
        lease.tokens--;
        return new Decision(1, lease.sharedRemaining + lease.tokens, rate);
      }
      Decision taken = shared.take(keyId, rate, size(rate));
      lease.rate = rate;
      lease.takenAt = now;
      lease.sharedRemaining = taken.remaining();
      lease.tokens = Math.max(0, taken.granted() - 1);
      return taken.allowed() ? new Decision(1, taken.remaining() + lease.tokens, rate) : taken;
    } finally {
      lease.lock.unlock();
    }
  }

  static int size(Rate rate) {
    double size = Math.min(rate.burst() / 10.0, Math.ceil(rate.perSecond() / 20));
    return (int) Math.max(1, Math.floor(size));
  }

  private static final class Lease {
    final ReentrantLock lock = new ReentrantLock();
    Rate rate;
    long takenAt;
    double sharedRemaining;
    int tokens;
  }
}
