package dev.agentq.store.internal;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.extension.ExtensionCallback;

/**
 * Jdbi calls of the stores: a failure of Postgres, or on the way to it, comes out as a retryable
 * {@link PostgresUnavailableException} instead of a Jdbi type that callers cannot know.
 */
final class Sql {
  private Sql() {}

  static <T> T inTransaction(Jdbi jdbi, HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (JdbiException e) {
      throw new PostgresUnavailableException(e);
    }
  }

  static void useTransaction(Jdbi jdbi, HandleConsumer<RuntimeException> work) {
    try {
      jdbi.useTransaction(work);
    } catch (JdbiException e) {
      throw new PostgresUnavailableException(e);
    }
  }

  static <E, T> T withExtension(
      Jdbi jdbi, Class<E> dao, ExtensionCallback<T, E, RuntimeException> work) {
    try {
      return jdbi.withExtension(dao, work);
    } catch (JdbiException e) {
      throw new PostgresUnavailableException(e);
    }
  }
}
