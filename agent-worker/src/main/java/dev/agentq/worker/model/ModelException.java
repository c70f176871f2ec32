package dev.agentq.worker.model;

import dev.agentq.worker.WorkerException;

/** A model provider failed to answer. */
public final class ModelException extends WorkerException {
  private static final long serialVersionUID = 1L;

  public ModelException(String code, String message, boolean retryable, Throwable cause) {
    super(code, message, retryable, cause);
  }
}
