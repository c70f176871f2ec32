package dev.agentq.api.support;

import dev.agentq.api.ApiApplication;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.kafka.TestKafka;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** One more API instance in this JVM, on a port of its own, for tests of several instances. */
public final class ApiInstance implements AutoCloseable {
  private final ConfigurableApplicationContext context;

  private ApiInstance(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static ApiInstance start(TestDatabase db, String topicPrefix) {
    return new ApiInstance(
        new SpringApplicationBuilder(ApiApplication.class)
            .run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                "--agentq.kafka.topic-prefix=" + topicPrefix,
                "--agentq.auth.bootstrap-tenant=default",
                "--agentq.auth.bootstrap-key=" + Infra.API_KEY,
                "--agentq.auth.admin-key=" + Infra.ADMIN_KEY));
  }

  public int port() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  public ApiClient client() {
    return new ApiClient(port());
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  @Override
  public void close() {
    context.close();
  }
}
