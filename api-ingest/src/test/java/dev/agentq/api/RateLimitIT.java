package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.api.support.Tenants;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Per-key token buckets with RateLimit headers and 429s, limits set per tenant, and the cap on a
 * tenant's queued jobs. The refill rate is so slow that no token comes back during a test.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class RateLimitIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final String SLOW = "{\"requests_per_second\":0.001,\"burst\":3}";

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
  void aKeyGetsItsBurstThen429WithRetryAfterAndRateLimitHeaders() {
    ApiClient slow = Tenants.create(api, "slow", SLOW);

    for (int remaining = 2; remaining >= 0; remaining--) {
      ApiResponse allowed = slow.get("/v1/agents");
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.header("RateLimit-Limit")).isEqualTo("3");
      assertThat(allowed.header("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
    }
    ApiResponse refused = slow.get("/v1/agents");

    JsonNode problem = refused.problem(429, "rate_limited");
    assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(900L, 1000L);
    assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(2900L, 3000L);
    assertThat(problem.path("detail").asString()).contains("retry in");
  }

  @Test
  void eachKeyHasItsOwnBucket() {
    ApiClient first = Tenants.create(api, "two-keys", SLOW);
    ApiClient second = api.as(Tenants.newKey(api, "two-keys"));
    for (int i = 0; i < 3; i++) {
      first.get("/v1/agents");
    }
    first.get("/v1/agents").problem(429, "rate_limited");

    assertThat(second.get("/v1/agents").status()).isEqualTo(200);
  }

  @Test
  void aTenantsQueueIsCappedWithAStableCode() {
    ApiClient capped = Tenants.create(api, "capped", "{\"max_queued_jobs\":2}");
    capped.submit(Requests.digest("1")).conforming(202, "job-accepted");
    capped.submit(Requests.digest("2")).conforming(202, "job-accepted");

    JsonNode problem = capped.submit(Requests.digest("3")).problem(429, "queue_full");

    assertThat(problem.path("detail").asString()).contains("2 jobs waiting");
    assertThat(Infra.count(DB, "SELECT count(*) FROM jobs WHERE tenant_id = 'capped'"))
        .isEqualTo(2);
    api.submit(Requests.digest("another tenant")).conforming(202, "job-accepted");
  }

  @Test
  void theAdminApiIsNotRateLimitedByTenantBuckets() {
    for (int i = 0; i < 10; i++) {
      assertThat(api.admin().get("/v1/admin/tenants").status()).isEqualTo(200);
    }
  }
}
