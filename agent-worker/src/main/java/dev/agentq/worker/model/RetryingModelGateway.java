package dev.agentq.worker.model;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries transient model errors (429, 5xx, timeouts, refused or reset connections) with
 * exponential backoff and jitter, honoring {@code Retry-After}, until the call's deadline. A
 * non-transient error, or a deadline that the next wait would pass, ends the call at once.
 */
public final class RetryingModelGateway implements ModelGateway {
  private static final Logger log = LoggerFactory.getLogger(RetryingModelGateway.class);

  private final ModelGateway delegate;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;

  public RetryingModelGateway(
      ModelGateway delegate,
      RetryPolicy policy,
      Clock clock,
      Sleeper sleeper,
      RandomGenerator random) {
    this.delegate = delegate;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  @Override
  public String modelName() {
    return delegate.modelName();
  }

  @Override
  public ChatResponse chat(ChatRequest request, Instant deadline) {
    for (int retry = 1; ; retry++) {
      try {
        return delegate.chat(request, deadline);
      } catch (ModelException e) {
        int attemptedRetry = retry;
        Duration wait = e.retryAfter().orElseGet(() -> policy.backoff(attemptedRetry, random));
        if (!e.retryable()
            || retry > policy.maxRetries()
            || clock.instant().plus(wait).isAfter(deadline)) {
          throw e;
        }
        log.warn(
            "model call failed ({}), will retry in {} ms, retry {} of {}",
            e.code(),
            wait.toMillis(),
            retry,
            policy.maxRetries());
        pause(wait);
      }
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelCallInterruptedException(e);
    }
  }
}
