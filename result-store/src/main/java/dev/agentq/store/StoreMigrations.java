package dev.agentq.store;

import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Brings a database's schema up to date with {@code classpath:db/agentq}. The apps do it as they
 * start unless told not to; a deployment can instead run {@link #main} once, before them.
 */
public final class StoreMigrations {
  /** The database to migrate, as the apps read it. */
  static final String URL_ENV = "AGENTQ_JDBC_URL";

  /** User and password, when not in the URL: the same variables Spring Boot reads for the apps. */
  static final String USER_ENV = "SPRING_DATASOURCE_USERNAME";

  static final String PASSWORD_ENV = "SPRING_DATASOURCE_PASSWORD";

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

  /**
   * Migrates the database named by {@code AGENTQ_JDBC_URL} (user and password from {@code
   * SPRING_DATASOURCE_USERNAME} and {@code SPRING_DATASOURCE_PASSWORD} when set) and exits: the
   * Helm chart's pre-install and pre-upgrade Job runs this with the API image's classpath.
   */
  public static void main(String[] args) {
    try {
      int ran = migrate(System.getenv());
      System.out.println("agentq schema is up to date: " + ran + " migration(s) applied");
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  static int migrate(Map<String, String> env) {
    String url = env.get(URL_ENV);
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException(
          URL_ENV + " is not set: name the database, such as jdbc:postgresql://db:5432/agentq");
    }
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(url);
    String user = env.get(USER_ENV);
    if (user != null && !user.isBlank()) {
      dataSource.setUser(user);
    }
    String password = env.get(PASSWORD_ENV);
    if (password != null && !password.isEmpty()) {
      dataSource.setPassword(password);
    }
    return migrate(dataSource);
  }
}
