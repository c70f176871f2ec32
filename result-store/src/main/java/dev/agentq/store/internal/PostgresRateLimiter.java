package dev.agentq.store.internal;

import dev.agentq.store.RateLimiter;
import java.time.Clock;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RateLimiter} on a Postgres row per key: one atomic upsert refills and takes, so every API
 * instance shares each bucket. The database's clock is not used; instances' clocks may differ by a
 * little, and a bucket never refills for time that went backwards.
 */
public final class PostgresRateLimiter implements RateLimiter {
  private final Jdbi jdbi;
  private final Clock clock;

  public PostgresRateLimiter(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Decision take(UUID keyId, Rate rate, int wanted) {
    RateDao.Bucket bucket =
        jdbi.inTransaction(
            handle -> {
              RateDao dao = handle.attach(RateDao.class);
              dao.relaxCommit();
              return dao.take(keyId, rate.perSecond(), rate.burst(), wanted, clock.instant());
            });
    return new Decision(bucket.granted(), Math.max(0, bucket.tokens()), rate);
  }
}
