package dev.agentq.bench;

import dev.agentq.api.ApiApplication;
import dev.agentq.standalone.StandaloneApplication;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.worker.config.WorkerAutoConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * agentq as standalone runs it: the API and a worker in one Spring context, here started in the
 * bench's JVM against the bench's Postgres schema, the in-process Kafka broker (with topics of its
 * own) and the fake model.
 */
final class AgentqApp implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(120);

  /** The key of the tenant the bench submits as; the schema is the bench's own, so is the key. */
  private static final String API_KEY = "aq_bench_tenant_of_this_run";

  private final ConfigurableApplicationContext context;
  private final String baseUrl;

  private AgentqApp(ConfigurableApplicationContext context, String baseUrl) {
    this.context = context;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts the context and waits until {@code /ready} answers 200 (the worker holds partitions).
   */
  static AgentqApp start(Database.Schema schema, String modelBaseUrl) throws InterruptedException {
    return start(StandaloneApplication.class, schema, modelBaseUrl, List.of());
  }

  /**
   * The API alone, with no worker in the context (its jobs wait in Kafka): for measuring what the
   * API itself holds in memory.
   */
  static AgentqApp startApiOnly(Database.Schema schema) throws InterruptedException {
    return start(
        ApiApplication.class,
        schema,
        "http://127.0.0.1:9/no-model",
        List.of("--spring.autoconfigure.exclude=" + WorkerAutoConfiguration.class.getName()));
  }

  private static AgentqApp start(
      Class<?> main, Database.Schema schema, String modelBaseUrl, List<String> extra)
      throws InterruptedException {
    // command-line arguments outrank the apps' own defaults files
    List<String> args = new ArrayList<>(extra);
    args.addAll(
        List.of(
            "--spring.datasource.url=" + schema.url(),
            "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
            "--agentq.kafka.topic-prefix=bench." + TestKafka.newPrefix(),
            "--agentq.model.api-key=sk-bench",
            "--agentq.model.base-url=" + modelBaseUrl,
            "--agentq.model.name=gpt-4o-mini",
            "--agentq.auth.bootstrap-tenant=default",
            "--agentq.auth.bootstrap-key=" + API_KEY,
            // the bench measures the pipeline, not the per-key rate limit or the queue cap
            "--agentq.limits.requests-per-second=1000000",
            "--agentq.limits.burst=1000000",
            "--agentq.limits.max-queued-jobs=10000000",
            "--server.port=0",
            "--logging.level.root=WARN"));
    SpringApplication application = new SpringApplication(main);
    application.setRegisterShutdownHook(false);
    ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
    String port = context.getEnvironment().getProperty("local.server.port");
    AgentqApp app = new AgentqApp(context, "http://127.0.0.1:" + port);
    try {
      app.awaitReady();
    } catch (RuntimeException | InterruptedException e) {
      context.close();
      throw e;
    }
    return app;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The bench tenant's API key. */
  static String apiKey() {
    return API_KEY;
  }

  /** A client of this app's API, authenticated as the bench's tenant. */
  ApiClient client() {
    return new ApiClient(baseUrl, API_KEY);
  }

  private void awaitReady() throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/ready")).build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("agentq was not ready within " + STARTUP);
  }

  @Override
  public void close() {
    context.close();
  }
}
