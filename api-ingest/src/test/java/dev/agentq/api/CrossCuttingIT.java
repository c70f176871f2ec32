package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
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

/** Correlation ids, security headers and CORS, on every kind of answer. */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "agentq.http.cors-origins=https://app.example.test")
@DirtiesContext
class CrossCuttingIT {
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

  @Test
  void aClientsRequestIdIsEchoedAndRecordedInTheJobsFirstEvent() {
    ApiResponse response =
        api.postJson("/v1/jobs", Requests.digest("correlated"), "X-Request-Id", "client-req-77");

    assertThat(response.header("X-Request-Id")).isEqualTo("client-req-77");
    UUID id = UUID.fromString(response.json().path("id").asString());
    assertThat(
            Infra.count(
                DB,
                "SELECT count(*) FROM job_events WHERE job_id = ? AND type = 'job.queued'"
                    + " AND data->>'request_id' = 'client-req-77'",
                id))
        .isEqualTo(1);
    assertThat(
            Infra.count(
                DB,
                "SELECT count(*) FROM outbox WHERE message_key = ?"
                    + " AND payload->>'request_id' = 'client-req-77'",
                id.toString()))
        .as("unless already published")
        .isLessThanOrEqualTo(1);
  }

  @Test
  void anAbsentOrInsaneRequestIdIsReplacedByANewOne() {
    String generated = api.get("/v1/agents").header("X-Request-Id");
    String replaced =
        api.send(api.request("/v1/agents").header("X-Request-Id", "no spaces <allowed>").GET())
            .header("X-Request-Id");

    assertThat(generated).matches("req_[0-9a-f]{16}");
    assertThat(replaced).matches("req_[0-9a-f]{16}").isNotEqualTo(generated);
  }

  @Test
  void errorsCarryTheRequestIdAndTheSecurityHeadersToo() {
    ApiResponse problem = api.anonymous().get("/v1/jobs");

    problem.problem(401, "missing_api_key");
    assertThat(problem.header("X-Request-Id")).isNotBlank();
    assertSecurityHeaders(problem);
    assertSecurityHeaders(api.get("/v1/agents"));
    assertSecurityHeaders(api.get("/v1/nope"));
  }

  private static void assertSecurityHeaders(ApiResponse response) {
    assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
    assertThat(response.header("Cache-Control")).isEqualTo("no-store");
  }

  @Test
  void aPreflightFromAConfiguredOriginIsAllowedWithoutAKey() {
    ApiResponse preflight =
        api.anonymous()
            .send(
                api.anonymous()
                    .request("/v1/jobs")
                    .header("Origin", "https://app.example.test")
                    .header("Access-Control-Request-Method", "POST")
                    .header(
                        "Access-Control-Request-Headers",
                        "authorization,content-type,idempotency-key")
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(preflight.status()).isEqualTo(200);
    assertThat(preflight.header("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.test");
    assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase())
        .contains("authorization", "idempotency-key");
  }

  @Test
  void aBrowserOfAConfiguredOriginSeesTheHeadersItNeeds() {
    ApiResponse response =
        api.send(api.request("/v1/agents").header("Origin", "https://app.example.test").GET());

    assertThat(response.header("Access-Control-Allow-Origin"))
        .isEqualTo("https://app.example.test");
    assertThat(response.header("Access-Control-Expose-Headers"))
        .contains("X-Request-Id", "RateLimit-Remaining", "Retry-After");
  }

  @Test
  void anotherOriginIsRefused() {
    ApiResponse preflight =
        api.anonymous()
            .send(
                api.anonymous()
                    .request("/v1/jobs")
                    .header("Origin", "https://evil.example.test")
                    .header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()));

    assertThat(preflight.status()).isEqualTo(403);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
  }
}
