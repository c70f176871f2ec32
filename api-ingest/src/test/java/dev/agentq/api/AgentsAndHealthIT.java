package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.schemas.JsonSchemas;
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

/** What a client discovers before submitting: the agents, and whether the API can serve. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AgentsAndHealthIT {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, TestPostgres.newSchema(), TestKafka.newPrefix());
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void agentsListsDocumentDigestWithItsPublishedSchemas() {
    ApiResponse response = api.get("/v1/agents");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType()).startsWith("application/json");
    JsonNode list = response.json();
    assertThat(list.path("object").asString()).isEqualTo("list");
    assertThat(list.path("data").values())
        .isNotEmpty()
        .allSatisfy(
            agent ->
                assertThat(JsonSchemas.get().violations("agent", agent)).as("%s", agent).isEmpty());
    JsonNode digest =
        list.path("data").values().stream()
            .filter(agent -> agent.path("name").asString().equals("document-digest"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("document-digest missing from " + list));
    assertThat(digest.path("input_schema"))
        .isEqualTo(JsonSchemas.get().document("agents/document-digest.input"));
    assertThat(digest.path("output_schema"))
        .isEqualTo(JsonSchemas.get().document("agents/document-digest.output"));
    assertThat(digest.path("description").asString()).isNotBlank();
  }

  @Test
  void healthSaysTheProcessIsUp() {
    ApiResponse response = api.get("/health");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().path("status").asString()).isEqualTo("up");
  }

  @Test
  void readySaysPostgresAndKafkaAreUp() {
    ApiResponse response = api.get("/ready");

    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode ready = response.json();
    assertThat(ready.path("status").asString()).isEqualTo("ready");
    assertThat(ready.at("/checks/postgres").asString()).isEqualTo("up");
    assertThat(ready.at("/checks/kafka").asString()).isEqualTo("up");
  }
}
