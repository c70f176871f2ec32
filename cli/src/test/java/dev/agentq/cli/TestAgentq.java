package dev.agentq.cli;

import dev.agentq.standalone.StandaloneApplication;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real agentq for the CLI's ITs, as standalone composes it (API and worker in one Spring context)
 * but started in the test JVM on a fresh Postgres schema, the tests' Kafka broker and the testkit's
 * fake OpenAI-compatible model answering as {@link DigestModel}. One per JVM, shared by every IT;
 * reached only over HTTP.
 */
final class TestAgentq {
  static final String API_KEY = "aq_cli_it_key_0123456789abcdef";

  private static TestAgentq shared;

  private final String baseUrl;
  private final Path documents;

  private TestAgentq(String baseUrl, Path documents) {
    this.baseUrl = baseUrl;
    this.documents = documents;
  }

  static synchronized TestAgentq shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The directory file references are read from ({@code agentq.documents.directory}). */
  Path documents() {
    return documents;
  }

  /** The environment a user of this agentq would have. */
  Map<String, String> env() {
    return Map.of("AGENTQ_API_URL", baseUrl, "AGENTQ_API_KEY", API_KEY);
  }

  private static TestAgentq start() {
    Path documents;
    try {
      documents = Files.createTempDirectory("agentq-cli-docs-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> args =
        List.of(
            "--spring.datasource.url=" + TestPostgres.newSchema().jdbcUrl(),
            "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
            "--agentq.kafka.topic-prefix=cli." + TestKafka.newPrefix(),
            "--agentq.kafka.partitions=2",
            "--agentq.model.api-key=sk-cli-it",
            "--agentq.model.base-url="
                + FakeOpenAiServer.start().respondWith(new DigestModel()).baseUrl(),
            "--agentq.model.name=gpt-cli-it",
            "--agentq.worker.shutdown-grace=1s",
            "--agentq.auth.bootstrap-tenant=default",
            "--agentq.auth.bootstrap-key=" + API_KEY,
            "--agentq.documents.directory=" + documents,
            "--agentq.limits.requests-per-second=100000",
            "--agentq.limits.burst=100000",
            "--server.port=0",
            "--logging.level.root=WARN");
    SpringApplication application = new SpringApplication(StandaloneApplication.class);
    application.setRegisterShutdownHook(true);
    ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
    String port = context.getEnvironment().getProperty("local.server.port");
    TestAgentq agentq = new TestAgentq("http://127.0.0.1:" + port, documents);
    agentq.awaitReady(Duration.ofMinutes(2));
    return agentq;
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/ready")).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
        Thread.sleep(100);
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("agentq was not ready within " + timeout);
  }
}
