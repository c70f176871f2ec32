package dev.agentq.worker.model;

/** A model call was interrupted: its job is being cancelled or its worker is stopping. */
public final class ModelCallInterruptedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelCallInterruptedException(Throwable cause) {
    super("the model call was interrupted", cause);
  }
}
