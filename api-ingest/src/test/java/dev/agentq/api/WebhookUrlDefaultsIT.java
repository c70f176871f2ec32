package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.util.Map;
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
 * With agentq.webhooks left at its defaults, as in production, webhooks go only to https URLs on
 * public addresses: a job or an endpoint naming anything else is refused with the reason.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebhookUrlDefaultsIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final String PREFIX = TestKafka.newPrefix();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    // Infra.connect without its local-webhooks allowance: the API's own defaults.
    registry.add("spring.datasource.url", DB::jdbcUrl);
    registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("agentq.kafka.topic-prefix", () -> PREFIX);
    Infra.authenticate(registry);
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  /** URL to the words the refusal must say. */
  private static final Map<String, String> REFUSED =
      Map.of(
          "http://hooks.example.com/agentq", "only https URLs are allowed",
          "https://127.0.0.1:8443/hook", "127.0.0.1, which is not a public address",
          "https://localhost/hook", "which is not a public address",
          "https://no-such-host.invalid/hook", "'no-such-host.invalid' does not resolve");

  @Test
  void aJobsWebhookUrlMustBeHttpsToAPublicAddress() {
    REFUSED.forEach(
        (url, reason) -> {
          JsonNode problem =
              api.submit(
                      "{\"agent\":\"document-digest\",\"input\":{\"document\":\"x\"},"
                          + "\"webhook_url\":\""
                          + url
                          + "\"}")
                  .problem(422, "webhook_url_forbidden");
          assertThat(problem.path("detail").asString()).as(url).contains(reason);
          assertThat(problem.at("/errors/0/message").asString()).as(url).contains(reason);
        });
  }

  @Test
  void anEndpointMustBeHttpsToAPublicAddress() {
    REFUSED.forEach(
        (url, reason) ->
            assertThat(
                    api.postJson("/v1/webhooks/endpoints", "{\"url\":\"" + url + "\"}")
                        .problem(422, "webhook_url_forbidden")
                        .path("detail")
                        .asString())
                .as(url)
                .contains(reason));
    assertThat(
            api.get("/v1/webhooks/endpoints").conforming(200, "webhook-endpoint-list").path("data"))
        .isEmpty();
  }
}
