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
  /** The key of tenant {@code default}, which every API under test creates at start-up. */
  public static final String API_KEY = "aq_test_default_tenant_key_0123456789";

  /** The admin key of every API under test. */
  public static final String ADMIN_KEY = "admin-key-for-tests-only";

  private Infra() {}

  /**
   * The app's Postgres schema, the shared test broker, and a topic prefix of the test's own; tenant
   * {@code default} with {@link #API_KEY}, {@link #ADMIN_KEY}, limits high enough that only tests
   * of limits meet them, and webhooks allowed to local receivers.
   */
  public static void connect(DynamicPropertyRegistry registry, TestDatabase db, String prefix) {
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("agentq.kafka.topic-prefix", () -> prefix);
    authenticate(registry);
    localWebhooks(registry);
  }

  /**
   * As standalone: webhooks may go over plain http to this machine (test receivers listen on
   * 127.0.0.1), and to {@code hooks.example.test}, a name that resolves nowhere, for tests that
   * only store a URL. Every other private address is refused, as in production.
   */
  public static void localWebhooks(DynamicPropertyRegistry registry) {
    registry.add("agentq.webhooks.allow-http", () -> "true");
    registry.add("agentq.webhooks.allowlist", () -> "localhost,127.0.0.1,hooks.example.test");
  }

  /** Tenant {@code default} with {@link #API_KEY}, {@link #ADMIN_KEY}, and high limits. */
  public static void authenticate(DynamicPropertyRegistry registry) {
    registry.add("agentq.auth.bootstrap-tenant", () -> "default");
    registry.add("agentq.auth.bootstrap-key", () -> API_KEY);
    registry.add("agentq.auth.admin-key", () -> ADMIN_KEY);
    registry.add("agentq.limits.requests-per-second", () -> "100000");
    registry.add("agentq.limits.burst", () -> "100000");
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
