package dev.agentq.standalone;

import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * agentq in one JVM: the API and a worker, with an embedded Kafka broker and an embedded Postgres
 * unless {@code AGENTQ_KAFKA_BOOTSTRAP} and {@code AGENTQ_JDBC_URL} name real ones. Data lives
 * under {@code AGENTQ_HOME} (default {@code ./.agentq}) and survives restarts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class StandaloneApplication {
  private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

  @Bean
  WorkerConsuming workerConsuming(java.util.List<MessageListenerContainer> consumers) {
    return new WorkerConsuming(consumers);
  }

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
    // A laptop install works at once: tenant "default" with AGENTQ_API_KEY, or a key printed once.
    System.setProperty("agentq.auth.bootstrap-tenant", "default");
    if (kafka != null) {
      System.setProperty("agentq.kafka.partitions", "4");
      // The broker is ours and so is its one worker, which after a restart or a crash takes its
      // partitions back at once instead of waiting out its old session.
      System.setProperty("agentq.worker.group-instance-id", "agentq-standalone");
    }

    SpringApplication application = new SpringApplication(StandaloneApplication.class);
    application.setRegisterShutdownHook(false);
    ConfigurableApplicationContext context = application.run(args);
    Runtime.getRuntime().addShutdownHook(new Thread(new Shutdown(context, kafka, postgres)));

    awaitConsuming(context.getBean(WorkerConsuming.class), Duration.ofSeconds(60));
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

  /** Logs "ready" only once jobs will run: the worker holds its Kafka partitions. */
  private static void awaitConsuming(WorkerConsuming worker, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (worker.problem() != null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    if (worker.problem() != null) {
      log.warn("the worker is still {}; jobs will wait until it is not", worker.problem());
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
