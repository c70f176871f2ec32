package dev.agentq.store;

/** A job asked to be refused while another job of its conversation thread has not ended. */
public final class ThreadBusyException extends StoreException {
  private static final long serialVersionUID = 1L;

  public ThreadBusyException(String threadId) {
    super("thread '" + threadId + "' has a job that has not ended yet");
  }
}
