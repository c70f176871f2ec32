package dev.agentq.worker.model;

import dev.agentq.worker.WorkerException;

/** The model answered, but not with the structured output asked for. */
public final class InvalidModelOutputException extends WorkerException {
  private static final long serialVersionUID = 1L;

  public InvalidModelOutputException(String message) {
    super("model_output_invalid", message, false);
  }
}
