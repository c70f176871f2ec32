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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Every {@code /v1} route needs a working key; keys are kept as hashes and can be revoked. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AuthIT {
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

  @ParameterizedTest
  @ValueSource(
      strings = {"/v1/jobs", "/v1/agents", "/v1/jobs/00000000-0000-7000-8000-000000000000"})
  void aRequestWithoutAKeyIsUnauthorizedAndSaysHowToAuthenticate(String path) {
    ApiResponse response = api.anonymous().get(path);

    JsonNode problem = response.problem(401, "missing_api_key");
    assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"agentq\"");
    assertThat(problem.path("detail").asString()).contains("Authorization: Bearer");
  }

  @Test
  void aSubmitWithoutAKeyStoresNothing() {
    api.anonymous().submit(Requests.digest("x")).problem(401, "missing_api_key");

    assertThat(Infra.count(DB, "SELECT count(*) FROM jobs WHERE tenant_id <> 'default'")).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "aq_this_key_was_never_issued_12345",
        "aq_short",
        "sk-not-ours-at-all-0123456789",
        "aq_with spaces in it 0123456789"
      })
  void anUnknownOrMalformedKeyIsInvalid(String key) {
    api.as(key).get("/v1/agents").problem(401, "invalid_api_key");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "aq_test_default_tenant_key"})
  void anAuthorizationHeaderThatIsNoBearerTokenIsMissingAKey(String header) {
    api.anonymous()
        .send(api.anonymous().request("/v1/agents").header("Authorization", header).GET())
        .problem(401, "missing_api_key");
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    api.anonymous()
        .send(
            api.anonymous()
                .request("/v1/agents")
                .header("Authorization", "bearer " + Infra.API_KEY)
                .GET())
        .conforming(200, "agent-list");
  }

  @Test
  void aRevokedKeyStopsWorkingAtOnceWhileTheTenantsOtherKeysWork() {
    ApiClient acme = Tenants.create(api, "acme-auth", null);
    String second = Tenants.newKey(api, "acme-auth");
    acme.get("/v1/agents").conforming(200, "agent-list");

    JsonNode keys =
        api.admin().get("/v1/admin/tenants/acme-auth/keys").conforming(200, "api-key-list");
    String firstId = keys.at("/data/0/id").asString();
    api.admin()
        .send(
            "DELETE",
            "/v1/admin/tenants/acme-auth/keys/" + firstId,
            null,
            java.net.http.HttpRequest.BodyPublishers.noBody())
        .conforming(200, "api-key");

    acme.get("/v1/agents").problem(401, "invalid_api_key");
    api.as(second).get("/v1/agents").conforming(200, "agent-list");
  }

  @Test
  void onlyHashesAndPrefixesAreStored() {
    String key = Tenants.newKey(api, "default");

    assertThat(
            Infra.count(
                DB,
                "SELECT count(*) FROM api_keys WHERE prefix = ? AND secret_hash = sha256(convert_to(?, 'UTF8'))",
                key.substring(0, 11),
                key))
        .isEqualTo(1);
    assertThat(
            Infra.count(
                DB,
                "SELECT count(*) FROM api_keys WHERE position(? in name || prefix) > 0",
                key.substring(11)))
        .isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/health", "/ready", "/v3/api-docs"})
  void healthReadinessAndDocsNeedNoKey(String path) {
    assertThat(api.anonymous().get(path).status()).isEqualTo(200);
  }

  @Test
  void theAdminApiNeedsTheAdminKeyNotATenantKey() {
    api.get("/v1/admin/tenants").problem(401, "invalid_admin_key");
    api.anonymous().get("/v1/admin/tenants").problem(401, "missing_api_key");
    api.as("admin-key-for-tests-onlY").get("/v1/admin/tenants").problem(401, "invalid_admin_key");
    api.admin().get("/v1/admin/tenants").conforming(200, "tenant-list");
  }

  @Test
  void theAdminKeyIsNoTenantKey() {
    api.admin().get("/v1/jobs").problem(401, "invalid_api_key");
  }
}
