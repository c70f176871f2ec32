package dev.agentq.store;

import dev.agentq.store.internal.JdbiJobStore;
import dev.agentq.store.internal.JdbiOutboxStore;
import dev.agentq.store.internal.JdbiSetup;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The stores of one Postgres database.
 *
 * @param jobs jobs, checkpoints and events
 * @param outbox messages waiting to be published
 */
public record Stores(JobStore jobs, OutboxStore outbox) {

  /** Stores over {@code dataSource}, which must already be migrated ({@link StoreMigrations}). */
  public static Stores postgres(DataSource dataSource, Clock clock) {
    Jdbi jdbi = JdbiSetup.create(dataSource);
    return new Stores(new JdbiJobStore(jdbi, clock), new JdbiOutboxStore(jdbi, clock));
  }
}
