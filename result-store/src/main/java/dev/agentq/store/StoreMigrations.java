package dev.agentq.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Brings a database's schema up to date with {@code classpath:db/agentq}. */
public final class StoreMigrations {
  private StoreMigrations() {}

  /** Applies pending migrations to the connection's current schema; returns how many ran. */
  public static int migrate(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/agentq")
        .table("agentq_schema_history")
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
