package dev.agentq.store;

/** Root of the store's errors. {@link #retryable()} says whether doing the same again may work. */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public boolean retryable() {
    return false;
  }
}
