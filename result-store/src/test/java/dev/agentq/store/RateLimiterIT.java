package dev.agentq.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.store.RateLimiter.Decision;
import dev.agentq.store.RateLimiter.Rate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimiterIT {
  private static final Rate TWO_PER_SECOND_BURST_3 = new Rate(2, 3);

  private final MigratedDatabase db = new MigratedDatabase(8);
  private final RateLimiter limiter = db.stores.rateLimiter();
  private UUID key;

  @BeforeEach
  void aKey() {
    db.stores.tenants().ensure("acme", "Acme");
    key =
        db.stores
            .keys()
            .create("acme", "k", TenantsAndKeysIT.sha256("aq_k"), "aq_k")
            .orElseThrow()
            .id();
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aFullBucketAllowsItsBurstThenRefusesUntilItRefills() {
    for (int remaining = 2; remaining >= 0; remaining--) {
      Decision decision = limiter.take(key, TWO_PER_SECOND_BURST_3);
      assertThat(decision.allowed()).isTrue();
      assertThat(decision.remaining()).isEqualTo(remaining);
    }
    Decision refused = limiter.take(key, TWO_PER_SECOND_BURST_3);
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    assertThat(refused.untilFull()).isEqualTo(Duration.ofMillis(1500));

    db.clock.advance(Duration.ofMillis(500));
    assertThat(limiter.take(key, TWO_PER_SECOND_BURST_3).allowed()).isTrue();
    assertThat(limiter.take(key, TWO_PER_SECOND_BURST_3).allowed()).isFalse();
  }

  @Test
  void aBucketNeverHoldsMoreThanItsBurst() {
    limiter.take(key, TWO_PER_SECOND_BURST_3);
    db.clock.advance(Duration.ofHours(1));

    assertThat(limiter.take(key, TWO_PER_SECOND_BURST_3).remaining()).isEqualTo(2);
  }

  @Test
  void aClockGoingBackwardsRefillsNothing() {
    limiter.take(key, TWO_PER_SECOND_BURST_3);
    db.clock.advance(Duration.ofSeconds(-30));

    assertThat(limiter.take(key, TWO_PER_SECOND_BURST_3).remaining()).isEqualTo(1);
  }

  @Test
  void concurrentRequestsNeverTakeMoreThanTheBucketHolds() throws Exception {
    Rate rate = new Rate(0.001, 25);
    List<Future<Decision>> decisions = new ArrayList<>();
    try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 100; i++) {
        decisions.add(clients.submit(() -> limiter.take(key, rate)));
      }
    }
    int allowed = 0;
    for (Future<Decision> decision : decisions) {
      allowed += decision.get().allowed() ? 1 : 0;
    }
    assertThat(allowed).isEqualTo(25);
  }
}
