package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code Idempotency-Key}: a retried submit gets its job back; a key is never reused silently. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class IdempotencyIT {
  private static final TestDatabase DB = TestPostgres.newSchema();

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

  private long jobsOf(String document) {
    return Infra.count(DB, "SELECT count(*) FROM jobs WHERE input->>'document' = ?", document);
  }

  @Test
  void theSameKeyAndBodyAnswer200WithTheSameJobAndStoreNothingNew() {
    ApiResponse first = api.postJson("/v1/jobs", Requests.digest("once"), "Idempotency-Key", "k-1");
    ApiResponse again = api.postJson("/v1/jobs", Requests.digest("once"), "Idempotency-Key", "k-1");

    JsonNode accepted = first.conforming(202, "job-accepted");
    JsonNode replayed = again.conforming(200, "job-accepted");
    assertThat(replayed).isEqualTo(accepted);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(jobsOf("once")).isEqualTo(1);
  }

  @Test
  void keyOrderAndSpacingDoNotMakeAnotherBody() {
    String body = "{\"agent\":\"document-digest\",\"input\":{\"document\":\"spaced\"}}";
    String reordered =
        "{ \"input\" : { \"document\" : \"spaced\" } , \"agent\" : \"document-digest\" }";

    api.postJson("/v1/jobs", body, "Idempotency-Key", "k-order").conforming(202, "job-accepted");
    api.postJson("/v1/jobs", reordered, "Idempotency-Key", "k-order")
        .conforming(200, "job-accepted");
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflictNamingTheJob() {
    String id =
        api.postJson("/v1/jobs", Requests.digest("first"), "Idempotency-Key", "k-2")
            .conforming(202, "job-accepted")
            .path("id")
            .asString();

    JsonNode problem =
        api.postJson("/v1/jobs", Requests.digest("second"), "Idempotency-Key", "k-2")
            .problem(409, "idempotency_key_reused");

    assertThat(problem.path("detail").asString()).contains(id);
    assertThat(jobsOf("second")).isZero();
  }

  @Test
  void aRefusedSubmitDoesNotTakeTheKey() {
    api.postJson("/v1/jobs", "{\"agent\":\"nope\",\"input\":{}}", "Idempotency-Key", "k-3")
        .problem(400, "unknown_agent");

    api.postJson("/v1/jobs", Requests.digest("after"), "Idempotency-Key", "k-3")
        .conforming(202, "job-accepted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"has space", "tab\there"})
  void aMalformedKeyIsABadHeader(String key) {
    api.postJson("/v1/jobs", Requests.digest("bad key"), "Idempotency-Key", key)
        .problem(400, "invalid_header");
    assertThat(jobsOf("bad key")).isZero();
  }

  @Test
  void fiftyConcurrentIdenticalSubmitsMakeOneJob() throws Exception {
    int clients = 50;
    CountDownLatch go = new CountDownLatch(1);
    List<Future<ApiResponse>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await(1, TimeUnit.MINUTES);
                  return api.postJson(
                      "/v1/jobs", Requests.digest("raced"), "Idempotency-Key", "race");
                }));
      }
      go.countDown();
    }
    List<ApiResponse> responses = new ArrayList<>();
    for (Future<ApiResponse> answer : answers) {
      responses.add(join(answer));
    }

    assertThat(responses).filteredOn(r -> r.status() == 202).hasSize(1);
    assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(clients - 1);
    assertThat(responses.stream().map(r -> r.json().path("id").asString()).distinct()).hasSize(1);
    assertThat(jobsOf("raced")).isEqualTo(1);
  }

  private static ApiResponse join(Future<ApiResponse> answer) throws InterruptedException {
    try {
      return answer.get();
    } catch (ExecutionException e) {
      throw new AssertionError("a submit failed", e.getCause());
    }
  }
}
