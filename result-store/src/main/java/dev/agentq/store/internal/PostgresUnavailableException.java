package dev.agentq.store.internal;

import dev.agentq.store.StoreException;
import org.jdbi.v3.core.JdbiException;

/** A statement failed in Postgres or on the way there; doing the same again later may work. */
final class PostgresUnavailableException extends StoreException {
  private static final long serialVersionUID = 1L;

  PostgresUnavailableException(JdbiException cause) {
    super("Postgres failed: " + rootMessage(cause), cause);
  }

  @Override
  public boolean retryable() {
    return true;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
