package dev.agentq.worker;

/**
 * Root of the worker's errors. Each carries the stable {@link #code()} that the job's status and
 * result show, and says whether running the job again could help.
 */
public class WorkerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final boolean retryable;

  public WorkerException(String code, String message, boolean retryable) {
    this(code, message, retryable, null);
  }

  public WorkerException(String code, String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.retryable = retryable;
  }

  public String code() {
    return code;
  }

  public boolean retryable() {
    return retryable;
  }
}
