package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.api.support.SseClient;
import dev.agentq.api.support.Tenants;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
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

/**
 * Tenants never see each other's jobs: another tenant's job id answers exactly as an id that names
 * no job, on every route that takes one, for reads, writes and event streams.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TenantIsolationIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final FakeWorker WORKER = new FakeWorker(DB);

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, TestKafka.newPrefix());
  }

  @AfterAll
  static void stopWorker() {
    WORKER.close();
  }

  @LocalServerPort int port;
  private ApiClient acme;
  private ApiClient globex;

  @BeforeEach
  void tenants() {
    ApiClient api = new ApiClient(port);
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    acme = Tenants.create(api, "acme-" + suffix, null);
    globex = Tenants.create(api, "globex-" + suffix, null);
  }

  private String acmesFailedJob() {
    String id =
        acme.submit(Requests.digest("acme's secret"))
            .conforming(202, "job-accepted")
            .path("id")
            .asString();
    var job = WORKER.claim(id);
    WORKER.step(job, 0, "classify", 10, 2);
    WORKER.fail(job, "extract");
    return id;
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "/status", "/result", "/steps"})
  void readsOfAnotherTenantsJobAreNotFoundLikeAnUnknownId(String part) {
    String id = acmesFailedJob();
    String unknown = UUID.randomUUID().toString();

    acme.get("/v1/jobs/" + id + part).status();
    JsonNode theirs = globex.get("/v1/jobs/" + id + part).problem(404, "job_not_found");
    JsonNode none = globex.get("/v1/jobs/" + unknown + part).problem(404, "job_not_found");

    assertThat(fieldNames(theirs)).isEqualTo(fieldNames(none));
    assertThat(theirs.path("detail").asString().replace(id, unknown))
        .isEqualTo(none.path("detail").asString());
  }

  @Test
  void anotherTenantCannotRetryTheJob() {
    String id = acmesFailedJob();

    globex
        .send("POST", "/v1/jobs/" + id + "/retry", null, BodyPublishers.noBody())
        .problem(404, "job_not_found");
    assertThat(
            acme.get("/v1/jobs/" + id + "/status")
                .conforming(200, "job-status")
                .path("status")
                .asString())
        .isEqualTo("failed");
  }

  @Test
  void anotherTenantCannotStreamTheJobsEvents() {
    String id = acmesFailedJob();

    try (SseClient theirs = SseClient.open(globex, "/v1/jobs/" + id + "/events", null)) {
      assertThat(theirs.status()).isEqualTo(404);
      assertThat(theirs.header("Content-Type")).startsWith("application/problem+json");
    }
    try (SseClient own = SseClient.open(acme, "/v1/jobs/" + id + "/events", null)) {
      assertThat(own.status()).isEqualTo(200);
      assertThat(own.untilEnd()).extracting(SseClient.Event::name).contains("job.failed");
    }
  }

  @Test
  void listingsShowOnlyTheCallersJobs() {
    String id = acmesFailedJob();

    JsonNode theirs = globex.get("/v1/jobs").conforming(200, "job-list");
    JsonNode own = acme.get("/v1/jobs").conforming(200, "job-list");

    assertThat(theirs.path("data").size()).isZero();
    assertThat(own.at("/data/0/id").asString()).isEqualTo(id);
  }

  @Test
  void idempotencyKeysAreTheTenantsOwn() {
    ApiResponse first =
        acme.postJson("/v1/jobs", Requests.digest("a"), "Idempotency-Key", "shared");
    ApiResponse second =
        globex.postJson("/v1/jobs", Requests.digest("b"), "Idempotency-Key", "shared");

    assertThat(first.status()).isEqualTo(202);
    assertThat(second.status()).isEqualTo(202);
    assertThat(second.json().path("id")).isNotEqualTo(first.json().path("id"));
  }

  private static java.util.List<String> fieldNames(JsonNode node) {
    return node.propertyNames().stream().sorted().toList();
  }
}
