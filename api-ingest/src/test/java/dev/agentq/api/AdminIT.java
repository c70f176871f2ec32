package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
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

/** An operator manages tenants and keys with the admin key. */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"agentq.limits.max-queued-jobs=777"})
@DirtiesContext
class AdminIT {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, TestPostgres.newSchema(), TestKafka.newPrefix());
  }

  @LocalServerPort int port;
  private ApiClient admin;

  @BeforeEach
  void client() {
    admin = new ApiClient(port).admin();
  }

  @Test
  void aTenantIsCreatedWithItsOwnLimitsAndDefaultsForTheRest() {
    ApiResponse created =
        admin.postJson(
            "/v1/admin/tenants",
            "{\"id\":\"acme\",\"name\":\"Acme Corp\",\"limits\":{\"burst\":5}}");

    JsonNode tenant = created.conforming(201, "tenant");
    assertThat(created.header("Location")).isEqualTo("/v1/admin/tenants/acme");
    assertThat(tenant.path("name").asString()).isEqualTo("Acme Corp");
    assertThat(tenant.at("/limits/burst").asInt()).isEqualTo(5);
    assertThat(tenant.at("/limits/max_queued_jobs").isNull()).isTrue();
    assertThat(tenant.at("/effective_limits/burst").asInt()).isEqualTo(5);
    assertThat(tenant.at("/effective_limits/max_queued_jobs").asInt()).isEqualTo(777);
    assertThat(admin.get("/v1/admin/tenants/acme").conforming(200, "tenant")).isEqualTo(tenant);
    assertThat(admin.get("/v1/admin/tenants").conforming(200, "tenant-list").path("data").size())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aTenantIdIsTakenOnce() {
    admin.postJson("/v1/admin/tenants", "{\"id\":\"once\"}").conforming(201, "tenant");
    admin.postJson("/v1/admin/tenants", "{\"id\":\"once\"}").problem(409, "tenant_exists");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\":\"Upper\"}",
        "{\"id\":\"\"}",
        "{\"name\":\"no id\"}",
        "{\"id\":\"x\",\"limits\":{\"burst\":0}}",
        "{\"id\":\"x\",\"limits\":{\"requests_per_second\":-1}}",
        "{\"id\":\"x\",\"limits\":{\"bogus\":1}}",
        "{\"id\":\"x\",\"plan\":\"gold\"}"
      })
  void anInvalidTenantIsRefusedWithPointers(String body) {
    JsonNode problem = admin.postJson("/v1/admin/tenants", body).problem(400, "invalid_request");
    assertThat(problem.path("errors").size()).isPositive();
  }

  @Test
  void limitsArePatchedOneByOneAndNullGoesBackToTheDefault() {
    admin
        .postJson(
            "/v1/admin/tenants",
            "{\"id\":\"patchy\",\"limits\":{\"burst\":5,\"max_queued_jobs\":9}}")
        .conforming(201, "tenant");

    JsonNode patched =
        admin
            .send(
                admin
                    .request("/v1/admin/tenants/patchy")
                    .header("Content-Type", "application/json")
                    .method(
                        "PATCH",
                        BodyPublishers.ofString(
                            "{\"limits\":{\"burst\":null,\"requests_per_second\":2.5}}")))
            .conforming(200, "tenant");

    assertThat(patched.at("/limits/burst").isNull()).isTrue();
    assertThat(patched.at("/limits/requests_per_second").asDouble()).isEqualTo(2.5);
    assertThat(patched.at("/limits/max_queued_jobs").asInt()).as("left out, kept").isEqualTo(9);
    assertThat(patched.at("/effective_limits/burst").asInt()).isEqualTo(100000);
  }

  @Test
  void aKeyIsShownOnceThenListedWithoutItsSecret() {
    admin.postJson("/v1/admin/tenants", "{\"id\":\"keyed\"}").conforming(201, "tenant");

    JsonNode created =
        admin
            .postJson("/v1/admin/tenants/keyed/keys", "{\"name\":\"ci\"}")
            .conforming(201, "api-key-created");
    String secret = created.path("key").asString();
    assertThat(secret).startsWith("aq_").hasSize(46).startsWith(created.path("prefix").asString());

    ApiResponse listed = admin.get("/v1/admin/tenants/keyed/keys");
    JsonNode keys = listed.conforming(200, "api-key-list");
    assertThat(listed.body()).doesNotContain(secret.substring(11));
    assertThat(keys.at("/data/0/name").asString()).isEqualTo("ci");
    assertThat(keys.at("/data/0/revoked_at").isNull()).isTrue();
    new ApiClient(port, secret).get("/v1/jobs").conforming(200, "job-list");
  }

  @Test
  void aKeyWithoutABodyIsNamedDefault() {
    JsonNode created =
        admin
            .send("POST", "/v1/admin/tenants/default/keys", null, BodyPublishers.noBody())
            .conforming(201, "api-key-created");
    assertThat(created.path("name").asString()).isEqualTo("default");
  }

  @Test
  void revokingIsIdempotentAndUnknownThingsAreNotFound() {
    String keyId =
        admin
            .postJson("/v1/admin/tenants/default/keys", "{}")
            .conforming(201, "api-key-created")
            .path("id")
            .asString();
    String path = "/v1/admin/tenants/default/keys/" + keyId;

    JsonNode first =
        admin.send("DELETE", path, null, BodyPublishers.noBody()).conforming(200, "api-key");
    JsonNode again =
        admin.send("DELETE", path, null, BodyPublishers.noBody()).conforming(200, "api-key");
    assertThat(first.path("revoked_at").isString()).isTrue();
    assertThat(again).isEqualTo(first);

    admin
        .send(
            "DELETE",
            "/v1/admin/tenants/default/keys/" + UUID.randomUUID(),
            null,
            BodyPublishers.noBody())
        .problem(404, "api_key_not_found");
    admin
        .send("DELETE", "/v1/admin/tenants/default/keys/not-a-uuid", null, BodyPublishers.noBody())
        .problem(404, "api_key_not_found");
    admin
        .send("DELETE", "/v1/admin/tenants/nobody/keys/" + keyId, null, BodyPublishers.noBody())
        .problem(404, "tenant_not_found");
    admin.get("/v1/admin/tenants/nobody").problem(404, "tenant_not_found");
    admin.get("/v1/admin/tenants/nobody/keys").problem(404, "tenant_not_found");
    admin.postJson("/v1/admin/tenants/nobody/keys", "{}").problem(404, "tenant_not_found");
  }
}
