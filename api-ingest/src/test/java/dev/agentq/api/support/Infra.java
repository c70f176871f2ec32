package dev.agentq.api.support;

import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.kafka.TestKafka;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points an API under test at its own Postgres schema and Kafka topics, and looks at its rows. */
public final class Infra {
  private Infra() {}

  /** The app's Postgres schema, the shared test broker, and a topic prefix of the test's own. */
  public static void connect(DynamicPropertyRegistry registry, TestDatabase db, String prefix) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("agentq.kafka.topic-prefix", () -> prefix);
  }

  /** A count query with bound parameters, straight over JDBC. */
  public static long count(TestDatabase db, String sql, Object... parameters) {
    try (Connection connection = db.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }
}
