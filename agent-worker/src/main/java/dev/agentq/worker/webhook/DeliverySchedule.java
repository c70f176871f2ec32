package dev.agentq.worker.webhook;

import dev.agentq.store.webhook.AttemptOutcome;
import dev.agentq.store.webhook.WebhookDelivery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What an attempt means: 2xx is delivered; 410 disables the endpoint; otherwise the next attempt
 * follows the schedule (by default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h: about a day), with
 * ±10 % jitter, or later if a 429 or 503 asked for it; after the schedule the delivery fails, and
 * an endpoint failing for longer than {@code disableAfter} is disabled.
 */
final class DeliverySchedule {
  private final List<Duration> waits;
  private final Duration disableAfter;
  private final RandomGenerator random;

  DeliverySchedule(List<Duration> waits, Duration disableAfter, RandomGenerator random) {
    this.waits = List.copyOf(waits);
    this.disableAfter = disableAfter;
    this.random = random;
  }

  AttemptOutcome outcome(
      WebhookDelivery delivery, SendResult result, Instant failingSince, Instant now) {
    if (result.delivered()) {
      return new AttemptOutcome.Delivered();
    }
    if (result.refused()) {
      return new AttemptOutcome.Failed();
    }
    if (result.statusCode() != null && result.statusCode() == 410) {
      return delivery.endpointId() == null
          ? new AttemptOutcome.Failed()
          : new AttemptOutcome.DisableEndpoint("the endpoint answered 410 Gone");
    }
    if (delivery.endpointId() != null
        && failingSince != null
        && Duration.between(failingSince, now).compareTo(disableAfter) > 0) {
      return new AttemptOutcome.DisableEndpoint(
          "deliveries have failed since " + failingSince + " (last: " + result.error() + ")");
    }
    int attemptsMade = delivery.attempts() + 1;
    if (attemptsMade > waits.size()) {
      return new AttemptOutcome.Failed();
    }
    Duration wait = jitter(waits.get(attemptsMade - 1));
    if (result.retryAfter() != null && result.retryAfter().compareTo(wait) > 0) {
      wait =
          result.retryAfter().compareTo(Duration.ofDays(1)) > 0
              ? Duration.ofDays(1)
              : result.retryAfter();
    }
    return new AttemptOutcome.RetryAt(now.plus(wait));
  }

  private Duration jitter(Duration wait) {
    long millis = wait.toMillis();
    long spread = millis / 10;
    return spread == 0
        ? wait
        : Duration.ofMillis(millis - spread + random.nextLong(2 * spread + 1));
  }
}
