package dev.agentq.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.store.RateLimiter;
import dev.agentq.store.RateLimiter.Decision;
import dev.agentq.store.RateLimiter.Rate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenLeasesTest {
  private final UUID key = UUID.randomUUID();

  /** A shared bucket that never refills, and records what it was asked for. */
  private static final class FixedBucket implements RateLimiter {
    double tokens;
    final List<Integer> asked = new ArrayList<>();

    FixedBucket(double tokens) {
      this.tokens = tokens;
    }

    @Override
    public Decision take(UUID keyId, Rate rate, int wanted) {
      asked.add(wanted);
      int granted = (int) Math.min(wanted, Math.floor(tokens));
      tokens -= granted;
      return new Decision(granted, tokens, rate);
    }
  }

  @Test
  void smallBucketsAreTakenFromOneTokenAtATime() {
    assertThat(TokenLeases.size(new Rate(50, 100))).isEqualTo(3);
    assertThat(TokenLeases.size(new Rate(0.001, 3))).isEqualTo(1);
    assertThat(TokenLeases.size(new Rate(1_000_000, 1_000_000))).isEqualTo(50_000);
  }

  @Test
  void aLeaseServesSeveralRequestsWithOneWriteAndNeverMoreThanTheBucketHeld() {
    FixedBucket bucket = new FixedBucket(7);
    TokenLeases leases = new TokenLeases(bucket);
    Rate rate = new Rate(100, 50);

    List<Decision> decisions = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      decisions.add(leases.take(key, rate));
    }

    assertThat(decisions).filteredOn(Decision::allowed).hasSize(7);
    assertThat(bucket.asked).hasSizeLessThan(9);
    assertThat(decisions.get(0).remaining()).isEqualTo(6);
    assertThat(decisions.get(6).remaining()).isZero();
    assertThat(decisions.get(8).allowed()).isFalse();
  }
}
