package dev.agentq.worker.model;

import dev.agentq.worker.WorkerException;
import java.time.Duration;
import java.util.Optional;

/** A model provider failed to answer. */
public final class ModelException extends WorkerException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  public ModelException(String code, String message, boolean retryable, Throwable cause) {
    this(code, message, retryable, null, cause);
  }

  public ModelException(
      String code, String message, boolean retryable, Duration retryAfter, Throwable cause) {
    super(code, message, retryable, cause);
    this.retryAfter = retryAfter;
  }

  /** How long the provider asked us to wait before trying again, if it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
