package dev.agentq.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** The one Postgres server of a run: its settings, and a fresh schema per scenario. */
final class Database {
  /** Whether {@link Schema#close()} leaves the schema in place (--keep-schemas). */
  static volatile boolean keepSchemas;

  private Database() {}

  /**
   * What the server says of itself; {@link #durable()} is whether a commit waits for the disk.
   *
   * @param version {@code SHOW server_version}
   * @param fsync {@code SHOW fsync}
   * @param synchronousCommit {@code SHOW synchronous_commit}
   * @param maxConnections {@code SHOW max_connections}
   */
  record Settings(String version, String fsync, String synchronousCommit, int maxConnections) {
    boolean durable() {
      return fsync.equals("on") && !synchronousCommit.equals("off");
    }
  }

  static Settings settings(String jdbcUrl) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
      return new Settings(
          show(connection, "server_version"),
          show(connection, "fsync"),
          show(connection, "synchronous_commit"),
          Integer.parseInt(show(connection, "max_connections")));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the settings of Postgres: " + e.getMessage(), e);
    }
  }

  private static String show(Connection connection, String setting) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW " + setting)) {
      row.next();
      return row.getString(1);
    }
  }

  /** A new empty schema, dropped with everything in it on {@link #close()}. */
  record Schema(String serverUrl, String name) implements AutoCloseable {
    static Schema create(String serverUrl, String label) {
      String name = "bench_" + label + "_" + UUID.randomUUID().toString().substring(0, 8);
      execute(serverUrl, "CREATE SCHEMA " + name);
      return new Schema(serverUrl, name);
    }

    /** A URL whose connections use this schema. */
    String url() {
      return serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    HikariDataSource pool(int size) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(url());
      config.setMaximumPoolSize(size);
      config.setPoolName(name);
      return new HikariDataSource(config);
    }

    Connection connect() throws SQLException {
      return DriverManager.getConnection(url());
    }

    @Override
    public void close() {
      if (keepSchemas) {
        Bench.log("kept schema %s", name);
      } else {
        execute(serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
      }
    }
  }

  static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Postgres refused " + sql + ": " + e.getMessage(), e);
    }
  }
}
