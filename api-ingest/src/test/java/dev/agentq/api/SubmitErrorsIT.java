package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Bad submissions are refused with problem+json, a stable code and pointers into the body. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SubmitErrorsIT {
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

  @AfterEach
  void nothingWasStored() {
    assertThat(Infra.count(DB, "SELECT count(*) FROM jobs")).isZero();
    assertThat(Infra.count(DB, "SELECT count(*) FROM outbox")).isZero();
  }

  @Test
  void anUnknownAgentIsNamedAtItsPointer() {
    JsonNode problem =
        api.submit("{\"agent\": \"no-such-agent\", \"input\": {\"document\": \"x\"}}")
            .problem(400, "unknown_agent");

    assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/agent");
    assertThat(problem.path("detail").asString()).contains("no-such-agent");
  }

  @Test
  void inputFailingTheAgentsSchemaPointsUnderInput() {
    JsonNode problem =
        api.submit(
                """
                {"agent": "document-digest", "input": {"title": 5, "pages": 3}}
                """)
            .problem(400, "invalid_input");

    assertThat(pointers(problem))
        .as("the input as a whole names no document: /input itself")
        .contains("/input", "/input/document", "/input/title", "/input/pages")
        .allSatisfy(pointer -> assertThat(pointer).startsWith("/input"));
  }

  @Test
  void anEmptyDocumentIsInvalidInput() {
    JsonNode problem =
        api.submit("{\"agent\": \"document-digest\", \"input\": {\"document\": \"\"}}")
            .problem(400, "invalid_input");

    assertThat(pointers(problem)).containsExactly("/input/document");
  }

  static Stream<Arguments> invalidRequests() {
    String input = "\"input\": {\"document\": \"x\"}";
    String agent = "\"agent\": \"document-digest\"";
    return Stream.of(
        Arguments.of("{" + input + "}", "/agent"),
        Arguments.of("{" + agent + "}", "/input"),
        Arguments.of("{" + agent + ", " + input + ", \"extra\": 1}", "/extra"),
        Arguments.of("{\"agent\": 7, " + input + "}", "/agent"),
        Arguments.of("{" + agent + ", \"input\": \"just text\"}", "/input"),
        Arguments.of("{" + agent + ", " + input + ", \"metadata\": {\"k\": 1}}", "/metadata/k"),
        Arguments.of(
            "{" + agent + ", " + input + ", \"webhook_url\": \"ftp://x\"}", "/webhook_url"),
        Arguments.of("{" + agent + ", " + input + ", \"thread_id\": \"a b\"}", "/thread_id"),
        Arguments.of("[]", ""));
  }

  @ParameterizedTest
  @MethodSource("invalidRequests")
  void aRequestNotMatchingTheContractIsInvalidWithAPointer(String body, String pointer) {
    JsonNode problem = api.submit(body).problem(400, "invalid_request");

    assertThat(pointers(problem)).contains(pointer);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"agent\": \"document-digest\", \"input\": {",
        "{\"agent\": \"document-digest\", \"agent\": \"x\", \"input\": {}}",
        "{} {}",
        "agent=document-digest",
        "{'agent': 'document-digest'}"
      })
  void malformedJsonIsSaidToBeSo(String body) {
    JsonNode problem = api.submit(body).problem(400, "malformed_json");

    assertThat(problem.path("detail").asString()).startsWith("The request body is not valid JSON");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\\u0000b", "\\ud800", "x\\udfffy"})
  void textADatabaseCannotKeepIsRefusedWithAPointer(String text) {
    JsonNode problem =
        api.submit("{\"agent\": \"document-digest\", \"input\": {\"document\": \"" + text + "\"}}")
            .problem(400, "invalid_request");

    assertThat(pointers(problem)).containsExactly("/input/document");
    assertThat(problem.path("detail").asString()).contains("cannot be stored");
  }

  @Test
  void malformedJsonSaysWhereItBroke() {
    JsonNode problem =
        api.submit("{\"agent\": \"document-digest\",\n \"input\": {\"document\": x}}")
            .problem(400, "malformed_json");

    assertThat(problem.path("detail").asString()).contains("line 2");
  }

  @Test
  void jsonNestedTooDeeplyIsRefusedNotCrashedOn() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    JsonNode problem =
        api.submit("{\"agent\": \"document-digest\", \"input\": {\"document\": " + deep + "}}")
            .problem(400, "malformed_json");

    assertThat(problem.path("detail").asString()).contains("nested too deeply");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n  "})
  void anEmptyBodyIsMalformedJson(String body) {
    JsonNode problem = api.submit(body).problem(400, "malformed_json");

    assertThat(problem.path("detail").asString()).isEqualTo("The request body is empty.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml"})
  void aBodyThatIsNotJsonIsAnUnsupportedMediaType(String contentType) {
    byte[] body = "{\"agent\": \"document-digest\"}".getBytes(StandardCharsets.UTF_8);

    api.post("/v1/jobs", contentType, body).problem(415, "unsupported_media_type");
  }

  @Test
  void aBodyWithoutContentTypeIsAnUnsupportedMediaType() {
    api.send(
            "POST",
            "/v1/jobs",
            null,
            java.net.http.HttpRequest.BodyPublishers.ofString("{\"agent\": \"document-digest\"}"))
        .problem(415, "unsupported_media_type");
  }

  private static List<String> pointers(JsonNode problem) {
    assertThat(problem.path("errors").isArray()).as("errors in %s", problem).isTrue();
    return problem.path("errors").values().stream()
        .map(error -> error.path("pointer").asString())
        .toList();
  }
}
