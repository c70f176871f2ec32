package dev.agentq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The migration entry point of a deployment's Job: configured as the apps are, and idempotent. */
class StoreMigrationsIT {

  @Test
  void migratesTheDatabaseNamedByTheAppsVariableOnce() throws SQLException {
    TestDatabase database = TestPostgres.newSchema();
    Map<String, String> env = Map.of(StoreMigrations.URL_ENV, database.jdbcUrl());

    assertThat(StoreMigrations.migrate(env)).isPositive();
    assertThat(StoreMigrations.migrate(env)).isZero();
    try (Connection connection = database.connect();
        ResultSet tables =
            connection.getMetaData().getTables(null, database.schema(), "jobs", null)) {
      assertThat(tables.next()).as("table jobs in " + database.schema()).isTrue();
    }
  }

  @Test
  void refusesToGuessTheDatabase() {
    assertThatThrownBy(() -> StoreMigrations.migrate(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("AGENTQ_JDBC_URL is not set");
  }
}
