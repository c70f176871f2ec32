package dev.agentq.api.health;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Postgres is up when a pooled connection answers {@code isValid} within two seconds. */
public final class PostgresDependency implements Dependency {
  private final DataSource dataSource;

  public PostgresDependency(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public String problem() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2) ? null : "the connection did not answer";
    } catch (SQLException e) {
      return "cannot connect: " + e.getMessage();
    }
  }
}
