package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.DispatchProbe;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.schemas.DispatchMessage;
import dev.agentq.store.Job;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.net.http.HttpRequest.BodyPublishers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The checkpoint timeline of a job, and a retry of a failed one from its last checkpoint. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class StepsAndRetryIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final String PREFIX = TestKafka.newPrefix();
  private static final FakeWorker WORKER = new FakeWorker(DB);

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, PREFIX);
  }

  @AfterAll
  static void stopWorker() {
    WORKER.close();
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  private String submit() {
    return api.submit(Requests.digest("steps"))
        .conforming(202, "job-accepted")
        .path("id")
        .asString();
  }

  @Test
  void stepsListEachCheckpointWithItsTimeAndTokensAndTheirSum() {
    String id = submit();
    assertThat(
            api.get("/v1/jobs/" + id + "/steps").conforming(200, "step-list").path("data").size())
        .isZero();
    Job job = WORKER.claim(id);
    WORKER.step(job, 0, "classify", 100, 10);
    WORKER.step(job, 1, "extract", 200, 20);

    JsonNode steps = api.get("/v1/jobs/" + id + "/steps").conforming(200, "step-list");

    assertThat(steps.path("job_id").asString()).isEqualTo(id);
    assertThat(steps.at("/data/0/name").asString()).isEqualTo("classify");
    assertThat(steps.at("/data/1/name").asString()).isEqualTo("extract");
    assertThat(steps.at("/data/1/duration_ms").asLong()).isEqualTo(120);
    assertThat(steps.at("/usage/input_tokens").asLong()).isEqualTo(300);
    assertThat(steps.at("/usage/output_tokens").asLong()).isEqualTo(30);
    assertThat(steps.path("duration_ms").asLong()).isEqualTo(240);
  }

  @Test
  void aFailedJobIsRetriedFromItsLastCheckpointAndDispatchedAgain() {
    String id = submit();
    Job job = WORKER.claim(id);
    WORKER.step(job, 0, "classify", 1, 1);
    WORKER.fail(job, "extract");

    try (DispatchProbe probe =
        new DispatchProbe(TestKafka.bootstrapServers(), PREFIX + "jobs.interactive")) {
      ApiResponse retried =
          api.send(
              api.request("/v1/jobs/" + id + "/retry")
                  .header("X-Request-Id", "retry-req-1")
                  .POST(BodyPublishers.noBody()));

      JsonNode accepted = retried.conforming(202, "job-accepted");
      assertThat(accepted.path("status").asString()).isEqualTo("queued");
      assertThat(retried.header("Location")).isEqualTo("/v1/jobs/" + id);
      JsonNode view = api.get("/v1/jobs/" + id).conforming(200, "job");
      assertThat(view.path("error").isNull()).isTrue();
      assertThat(view.path("max_attempts").asInt()).isEqualTo(1 + 3);
      assertThat(api.get("/v1/jobs/" + id + "/steps").json().path("data").size()).isEqualTo(1);
      byte[] message =
          probe.awaitValue(
              id, value -> "retry-req-1".equals(DispatchMessage.decode(value).requestId()));
      assertThat(DispatchMessage.decode(message).tenant()).isEqualTo("default");
    }
    Job second = WORKER.claim(id);
    assertThat(second.attempt()).isEqualTo(2);
  }

  @Test
  void onlyAFailedJobCanBeRetried() {
    String id = submit();

    JsonNode problem =
        api.send("POST", "/v1/jobs/" + id + "/retry", null, BodyPublishers.noBody())
            .problem(409, "job_not_retryable");

    assertThat(problem.path("detail").asString()).contains("queued");
    api.send(
            "POST",
            "/v1/jobs/" + java.util.UUID.randomUUID() + "/retry",
            null,
            BodyPublishers.noBody())
        .problem(404, "job_not_found");
  }
}
