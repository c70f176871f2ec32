package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Tenants;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code GET /v1/jobs}: filters and keyset pages over real HTTP. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ListingIT {
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
  private ApiClient api;

  @BeforeEach
  void tenant() {
    api =
        Tenants.create(
            new ApiClient(port), "lister-" + UUID.randomUUID().toString().substring(0, 8), null);
  }

  private String submit(String customer) {
    String body =
        "{\"agent\":\"document-digest\",\"input\":{\"document\":\"d\"},\"metadata\":{\"customer\":\""
            + customer
            + "\"}}";
    return api.postJson("/v1/jobs", body).conforming(202, "job-accepted").path("id").asString();
  }

  @Test
  void pagesWalkEveryJobNewestFirstWithOpaqueCursors() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(submit("c" + i));
    }

    List<String> seen = new ArrayList<>();
    String path = "/v1/jobs?limit=2";
    while (path != null) {
      JsonNode page = api.get(path).conforming(200, "job-list");
      page.path("data").forEach(job -> seen.add(job.path("id").asString()));
      assertThat(page.path("has_more").asBoolean()).isEqualTo(!page.path("next_cursor").isNull());
      path =
          page.path("has_more").asBoolean()
              ? "/v1/jobs?limit=2&cursor=" + page.path("next_cursor").asString()
              : null;
    }

    assertThat(seen).containsExactlyElementsOf(ids.reversed());
  }

  @Test
  void filtersCombine() {
    String acmeQueued = submit("acme");
    String acmeRunning = submit("acme");
    String globex = submit("globex");
    WORKER.claim(acmeRunning);

    assertThat(ids("/v1/jobs?metadata=customer:acme")).containsExactly(acmeRunning, acmeQueued);
    assertThat(ids("/v1/jobs?metadata=customer:acme&status=queued")).containsExactly(acmeQueued);
    assertThat(ids("/v1/jobs?status=queued,running"))
        .containsExactly(globex, acmeRunning, acmeQueued);
    assertThat(ids("/v1/jobs?status=running&status=queued&agent=document-digest")).hasSize(3);
    assertThat(ids("/v1/jobs?agent=other")).isEmpty();
    assertThat(ids("/v1/jobs?created_before=2000-01-01T00:00:00Z")).isEmpty();
    assertThat(ids("/v1/jobs?created_from=2000-01-01T00:00:00Z")).hasSize(3);
  }

  @Test
  void aSummaryCarriesNoInput() {
    submit("acme");
    JsonNode job = api.get("/v1/jobs").conforming(200, "job-list").at("/data/0");
    assertThat(job.has("input")).isFalse();
    assertThat(job.at("/links/self").asString()).isEqualTo("/v1/jobs/" + job.path("id").asString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "status=done|/status",
        "limit=0|/limit",
        "limit=101|/limit",
        "limit=ten|/limit",
        "created_from=yesterday|/created_from",
        "created_before=2026-13-01T00:00:00Z|/created_before",
        "metadata=no-colon|/metadata",
        "cursor=bm90LWEtY3Vyc29y|/cursor",
        "cursor=%25%25%25|/cursor",
        "sort=asc|/sort",
        "agent=a&agent=b|/agent"
      })
  void anInvalidQueryNamesEachBadParameter(String query, String pointer) {
    JsonNode problem = api.get("/v1/jobs?" + query).problem(400, "invalid_query");
    assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo(pointer);
  }

  private List<String> ids(String path) {
    List<String> ids = new ArrayList<>();
    api.get(path)
        .conforming(200, "job-list")
        .path("data")
        .forEach(j -> ids.add(j.path("id").asString()));
    return ids;
  }
}
