package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.HostileBodies;
import dev.agentq.api.support.Infra;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * More than a thousand malformed or hostile bodies, on {@code POST /v1/jobs} and on the admin API:
 * every one gets a 4xx problem+json with a stable code, never a 5xx, and nothing is stored.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class HostileBodiesIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final long SEED = 20261126L;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, TestKafka.newPrefix());
  }

  @LocalServerPort int port;

  @Test
  void everyHostileSubmitIsRefusedWithAProblemAndNothingIsStored() {
    ApiClient api = new ApiClient(port);
    List<HostileBodies.Body> bodies = HostileBodies.make(SEED);
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(1000);

    List<String> wrong = new ArrayList<>();
    for (HostileBodies.Body body : bodies) {
      check(api.post("/v1/jobs", "application/json", body.bytes()), body.name(), wrong);
    }

    assertThat(wrong).as("answers that were not a 4xx problem (%s)", wrong.size()).isEmpty();
    assertThat(Infra.count(DB, "SELECT count(*) FROM jobs")).isZero();
  }

  @Test
  void theAdminApiRefusesThemToo() {
    ApiClient admin = new ApiClient(port).admin();
    List<String> wrong = new ArrayList<>();
    for (HostileBodies.Body body : HostileBodies.make(SEED + 1)) {
      check(admin.post("/v1/admin/tenants", "application/json", body.bytes()), body.name(), wrong);
      if (!body.name().equals("whole body={}") && body.bytes().length > 0) {
        // {} is a valid key request: a key named by default
        check(
            admin.post("/v1/admin/tenants/default/keys", "application/json", body.bytes()),
            body.name(),
            wrong);
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(Infra.count(DB, "SELECT count(*) FROM tenants")).isEqualTo(1);
  }

  private static void check(ApiResponse response, String name, List<String> wrong) {
    boolean problem =
        response.status() >= 400
            && response.status() < 500
            && response.contentType().startsWith("application/problem+json")
            && JsonSchemas.get().violations("problem", response.json()).isEmpty();
    if (!problem) {
      wrong.add(name + " -> " + response.status() + " " + abbreviate(response.body()));
    } else {
      response.assertNoJavaInternals();
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
