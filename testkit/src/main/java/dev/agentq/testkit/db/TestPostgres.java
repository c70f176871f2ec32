package dev.agentq.testkit.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Postgres for tests: the server named by {@code AGENTQ_TEST_JDBC_URL} when it is set (CI
 * sets it to the machine's Postgres), else one embedded Postgres per JVM. Each {@link #newSchema()}
 * gives an empty schema of its own, so tests never see each other's rows; the schemas this JVM made
 * are dropped when it exits.
 */
public final class TestPostgres {
  /**
   * Environment variable naming the server to use, e.g. {@code
   * jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
   */
  public static final String JDBC_URL_ENV = "AGENTQ_TEST_JDBC_URL";

  private static final Object LOCK = new Object();
  private static final List<String> CREATED = new CopyOnWriteArrayList<>();
  private static String serverUrl;

  private TestPostgres() {}

  /** A new, empty schema; the returned URL selects it as the current schema. */
  public static TestDatabase newSchema() {
    String url = serverUrl();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute(url, "CREATE SCHEMA " + schema);
    CREATED.add(schema);
    return new TestDatabase(withParameter(url, "currentSchema", schema), schema);
  }

  /** The JDBC URL of the server itself (default schema), for tests that need a whole database. */
  public static String serverUrl() {
    synchronized (LOCK) {
      if (serverUrl == null) {
        String configured = System.getenv(JDBC_URL_ENV);
        serverUrl = configured == null || configured.isBlank() ? startEmbedded() : configured;
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropCreatedSchemas));
      }
      return serverUrl;
    }
  }

  static String withParameter(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }

  private static String startEmbedded() {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres)));
      return postgres.getJdbcUrl("postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded Postgres", e);
    }
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting; nothing more to do
    }
  }

  private static void dropCreatedSchemas() {
    for (String schema : CREATED) {
      try {
        execute(serverUrl, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      } catch (RuntimeException e) {
        // a server already gone at exit leaves nothing to clean
      }
    }
  }

  static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url);
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Postgres at " + redact(url) + " refused: " + sql.toLowerCase(Locale.ROOT), e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }
}
