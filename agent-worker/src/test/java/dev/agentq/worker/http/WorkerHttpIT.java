package dev.agentq.worker.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.store.StoreMigrations;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.worker.WorkerApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A worker as deployed: its schema migrated beforehand (as the chart's Job does, so the worker
 * starts with {@code agentq.store.migrate-on-start=false}), its HTTP port serving the probes and
 * the metrics that Kubernetes and Prometheus read, and nothing else.
 */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WorkerHttpIT {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    TestDatabase db = TestPostgres.newSchema();
    StoreMigrations.migrate(db.dataSource());
    registry.add("spring.datasource.url", db::jdbcUrl);
    registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("agentq.kafka.topic-prefix", TestKafka::newPrefix);
    registry.add("agentq.store.migrate-on-start", () -> "false");
  }

  @LocalServerPort int port;

  @Test
  void livenessAndReadinessProbesAnswerUp() throws Exception {
    for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> response = get(probe);
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
    }
  }

  @Test
  void prometheusScrapesTheWorkersMetrics() throws Exception {
    HttpResponse<String> response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).get().asString().contains("text/");
    assertThat(response.body()).contains("jvm_memory_used_bytes");
  }

  @Test
  void noOtherActuatorEndpointIsExposed() throws Exception {
    assertThat(get("/actuator/env").statusCode()).isEqualTo(404);
    assertThat(get("/actuator/beans").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
