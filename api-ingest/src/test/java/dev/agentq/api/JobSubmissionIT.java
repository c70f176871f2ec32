package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.schemas.Json;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A user submits a job and reads it back: the happy path of {@code /v1/jobs}. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JobSubmissionIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final String FULL_REQUEST =
      """
      {
        "agent": "document-digest",
        "input": {"document": "Invoice 17: 3 chairs, 120 EUR.", "title": "Invoice 17"},
        "thread_id": "thread-42",
        "webhook_url": "https://hooks.example.test/agentq",
        "metadata": {"customer": "acme", "batch": "7"}
      }
      """;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, TestKafka.newPrefix());
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void submitAnswers202WithTheJobsLocationAndLinks() {
    ApiResponse response = api.submit(FULL_REQUEST);

    JsonNode accepted = response.conforming(202, "job-accepted");
    String id = accepted.path("id").asString();
    assertThat(UUID.fromString(id).version()).as("time-ordered UUIDv7").isEqualTo(7);
    assertThat(accepted.path("status").asString()).isEqualTo("queued");
    assertThat(accepted.path("agent").asString()).isEqualTo("document-digest");
    assertThat(response.header("Location")).isEqualTo("/v1/jobs/" + id);
    assertThat(accepted.at("/links/self").asString()).isEqualTo("/v1/jobs/" + id);
    assertThat(accepted.at("/links/status").asString()).isEqualTo("/v1/jobs/" + id + "/status");
    assertThat(accepted.at("/links/result").asString()).isEqualTo("/v1/jobs/" + id + "/result");
  }

  @Test
  void theJobIsReadableAtItsLocationWithEverythingSubmittedEchoed() {
    JsonNode accepted = api.submit(FULL_REQUEST).conforming(202, "job-accepted");

    JsonNode job = api.get(accepted.at("/links/self").asString()).conforming(200, "job");

    assertThat(job.path("id").asString()).isEqualTo(accepted.path("id").asString());
    assertThat(job.path("status").asString()).isEqualTo("queued");
    assertThat(job.path("lane").asString()).isEqualTo("interactive");
    assertThat(job.path("input"))
        .isEqualTo(
            Json.parse(
                "{\"document\": \"Invoice 17: 3 chairs, 120 EUR.\", \"title\": \"Invoice 17\"}"));
    assertThat(job.at("/metadata/customer").asString()).isEqualTo("acme");
    assertThat(job.at("/metadata/batch").asString()).isEqualTo("7");
    assertThat(job.path("metadata").size()).isEqualTo(2);
    assertThat(job.path("thread_id").asString()).isEqualTo("thread-42");
    assertThat(job.path("webhook_url").asString()).isEqualTo("https://hooks.example.test/agentq");
    assertThat(job.path("attempt").asInt()).isZero();
    assertThat(job.path("max_attempts").asInt()).isEqualTo(3);
    assertThat(job.path("created_at").asString()).isEqualTo(accepted.path("created_at").asString());
    assertThat(job.path("started_at").isNull()).isTrue();
    assertThat(job.path("finished_at").isNull()).isTrue();
    assertThat(job.path("error").isNull()).isTrue();
  }

  @Test
  void optionalFieldsLeftOutReadBackAsEmptyMetadataAndNulls() {
    JsonNode accepted = api.submit(Requests.digest("short")).conforming(202, "job-accepted");

    JsonNode job = api.get(accepted.at("/links/self").asString()).conforming(200, "job");

    assertThat(job.path("metadata").isObject()).isTrue();
    assertThat(job.path("metadata").size()).isZero();
    assertThat(job.path("thread_id").isNull()).isTrue();
    assertThat(job.path("webhook_url").isNull()).isTrue();
  }

  @Test
  void statusIsSmallAndSaysQueued() {
    JsonNode accepted = api.submit(FULL_REQUEST).conforming(202, "job-accepted");

    JsonNode status =
        api.get(accepted.at("/links/status").asString()).conforming(200, "job-status");

    assertThat(status.path("id").asString()).isEqualTo(accepted.path("id").asString());
    assertThat(status.path("status").asString()).isEqualTo("queued");
    assertThat(status.path("agent").asString()).isEqualTo("document-digest");
    assertThat(status.path("steps_completed").asInt()).isZero();
    assertThat(status.has("input")).as("status carries no input").isFalse();
  }

  @Test
  void resultOfAJobNotYetFinishedIsAConflictSayingSo() {
    JsonNode accepted = api.submit(FULL_REQUEST).conforming(202, "job-accepted");

    JsonNode problem =
        api.get(accepted.at("/links/result").asString()).problem(409, "result_not_ready");

    assertThat(problem.path("detail").asString())
        .contains(accepted.path("id").asString())
        .contains("queued");
  }
}
