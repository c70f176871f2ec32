package dev.agentq.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One test's own schema in a real Postgres.
 *
 * @param jdbcUrl URL that selects {@code schema} as the current schema
 * @param schema the schema's name
 */
public record TestDatabase(String jdbcUrl, String schema) {

  /** An unpooled data source; wrap it in a pool when the test needs many connections. */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    return dataSource;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl);
  }

  /** Runs one statement, such as a check-up query in a test. */
  public void execute(String sql) {
    TestPostgres.execute(jdbcUrl, sql);
  }
}
