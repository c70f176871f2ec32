package dev.agentq.store;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.time.MutableClock;
import java.time.Instant;

/** A fresh schema of the test Postgres, migrated, with the stores over it and a settable clock. */
final class MigratedDatabase implements AutoCloseable {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00.123456Z"));
  final TestDatabase database = TestPostgres.newSchema();
  final HikariDataSource dataSource = new HikariDataSource();
  final Stores stores;

  MigratedDatabase(int poolSize) {
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setMaximumPoolSize(poolSize);
    StoreMigrations.migrate(dataSource);
    stores = Stores.postgres(dataSource, clock);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
