package dev.agentq.standalone;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * agentq in one JVM: the API and a worker, with an embedded Kafka broker and an embedded Postgres
 * unless {@code AGENTQ_KAFKA_BOOTSTRAP} and {@code AGENTQ_JDBC_URL} name real ones. Data lives
 * under {@code AGENTQ_HOME} (default {@code ./.agentq}) and survives restarts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StandaloneApplication {
  private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

  public static void main(String[] args) {
    Path home = Path.of(envOr("AGENTQ_HOME", ".agentq")).toAbsolutePath().normalize();
    long started = System.nanoTime();

    EmbeddedPostgresServer postgres = null;
    String jdbcUrl = System.getenv("AGENTQ_JDBC_URL");
    if (blank(jdbcUrl)) {
      postgres = EmbeddedPostgresServer.start(home.resolve("postgres"));
      jdbcUrl = postgres.jdbcUrl();
      log.info(
          "embedded Postgres on port {}, data in {}", postgres.port(), home.resolve("postgres"));
    }
    EmbeddedKafka kafka = null;
    String bootstrap = System.getenv("AGENTQ_KAFKA_BOOTSTRAP");
    if (blank(bootstrap)) {
      kafka = EmbeddedKafka.start(home.resolve("kafka"));
      bootstrap = kafka.bootstrapServers();
      log.info("embedded Kafka at {}, log in {}", bootstrap, home.resolve("kafka"));
    }
    // System properties outrank the apps' defaults (and lose to explicit Spring settings).
    System.setProperty("spring.datasource.url", jdbcUrl);
    System.setProperty("spring.kafka.bootstrap-servers", bootstrap);
    if (kafka != null) {
      System.setProperty("agentq.kafka.partitions", "4");
    }

    SpringApplication application = new SpringApplication(StandaloneApplication.class);
    application.setRegisterShutdownHook(false);
    ConfigurableApplicationContext context = application.run(args);
    Runtime.getRuntime().addShutdownHook(new Thread(new Shutdown(context, kafka, postgres)));

    String port = context.getEnvironment().getProperty("local.server.port", "8080");
    log.info(
        "agentq standalone is ready on http://localhost:{} in {} ms (data in {})",
        port,
        (System.nanoTime() - started) / 1_000_000,
        home);
  }

  /** Stops the apps first, so that they finish their work, then the broker, then the database. */
  private record Shutdown(
      ConfigurableApplicationContext context, EmbeddedKafka kafka, EmbeddedPostgresServer postgres)
      implements Runnable {
    @Override
    public void run() {
      context.close();
      if (kafka != null) {
        kafka.close();
      }
      if (postgres != null) {
        postgres.close();
      }
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return blank(value) ? fallback : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
