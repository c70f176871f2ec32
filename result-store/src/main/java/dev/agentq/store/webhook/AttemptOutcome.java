package dev.agentq.store.webhook;

import java.time.Instant;

/** What an attempt means for its delivery, and for its endpoint. */
public sealed interface AttemptOutcome {

  /** The receiver answered 2xx. */
  record Delivered() implements AttemptOutcome {}

  /** Try again at {@code at}. */
  record RetryAt(Instant at) implements AttemptOutcome {}

  /** Give up on this delivery. */
  record Failed() implements AttemptOutcome {}

  /** Give up, and disable the endpoint (410 Gone, or failing for too long), saying why. */
  record DisableEndpoint(String reason) implements AttemptOutcome {}

  /** Not attempted after all (its host was busy): back to the queue, no attempt counted. */
  record Postponed(Instant at) implements AttemptOutcome {}
}
