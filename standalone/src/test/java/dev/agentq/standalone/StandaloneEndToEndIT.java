package dev.agentq.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.JsonSchemas;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import dev.agentq.testkit.openai.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The standalone jar, driven only over HTTP, runs a document digest through a model endpoint. */
class StandaloneEndToEndIT {
  private static FakeOpenAiServer model;
  private static Standalone standalone;

  @BeforeAll
  static void start() throws Exception {
    model = FakeOpenAiServer.start().respondWith(new DigestReplies());
    Path home = Files.createTempDirectory("agentq-e2e-").resolve("home");
    standalone =
        Standalone.start(
            home,
            Map.of(
                "OPENAI_API_KEY", "sk-test-e2e",
                "OPENAI_BASE_URL", model.baseUrl(),
                "AGENTQ_MODEL", "gpt-e2e"));
  }

  @AfterAll
  static void stop() {
    if (standalone != null) {
      standalone.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void aDocumentDigestRunsThreeCheckpointedStepsAgainstTheModel() throws Exception {
    model.reset();
    model.respondWith(new DigestReplies());

    String id =
        standalone.submitDigest(
            "INVOICE #INV-2041. Consulting, 10 hours at $150.00. Total due: $1,500.00. Net 30.");
    assertThat(standalone.awaitEnd(id, Duration.ofSeconds(60))).isEqualTo("succeeded");

    var response = standalone.get("/v1/jobs/" + id + "/result");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode result = dev.agentq.schemas.Json.parse(response.body());
    assertThat(JsonSchemas.get().violations("job-result", result)).isEmpty();
    assertThat(result.get("model").asString()).isEqualTo("gpt-e2e");
    assertThat(result.at("/output/category").asString()).isEqualTo("invoice");
    assertThat(result.at("/output/fields/invoice_number").asString()).isEqualTo("INV-2041");
    assertThat(result.at("/output/summary").asString()).contains("INV-2041");
    assertThat(result.at("/usage/input_tokens").asLong()).isEqualTo(390);
    assertThat(result.at("/usage/output_tokens").asLong()).isEqualTo(67);

    assertThat(result.get("steps").valueStream().map(step -> step.get("name").asString()))
        .containsExactly("classify", "extract", "summarize");
    assertThat(result.get("steps").valueStream().map(step -> step.get("kind").asString()))
        .containsOnly("step");
    assertThat(
            result
                .get("steps")
                .valueStream()
                .map(step -> step.get("usage").get("input_tokens").asLong()))
        .as("each step carries the tokens of its model call")
        .containsExactly(120L, 130L, 140L);

    assertThat(model.callCount()).isEqualTo(3);
    assertThat(model.requests())
        .extracting(RecordedRequest::responseSchemaName)
        .containsExactly("document_classification", "document_fields", "document_summary");
    assertThat(model.requests()).allSatisfy(r -> assertThat(r.model()).isEqualTo("gpt-e2e"));
    assertThat(model.requests())
        .allSatisfy(r -> assertThat(r.lastUserMessage()).contains("INV-2041"));
  }

  @Test
  void statusIsServedWhileTheResultIsNotReadyAndErrorsAreProblems() throws Exception {
    var unknown = standalone.get("/v1/jobs/00000000-0000-7000-8000-000000000000/result");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(dev.agentq.schemas.Json.parse(unknown.body()).get("code").asString())
        .isEqualTo("job_not_found");

    var agents = standalone.getJson("/v1/agents");
    assertThat(agents.at("/data/0/name").asString()).isEqualTo("document-digest");
  }

  @Test
  void eventsStreamLiveUntilTheJobHasEnded() throws Exception {
    model.reset();
    model.respondWith(new DigestReplies());
    String id = standalone.submitDigest("INVOICE #INV-77. Total due: $70.00.");

    var response = standalone.stream("/v1/jobs/" + id + "/events");
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> events;
    try (var lines = response.body()) {
      events =
          lines
              .filter(line -> line.startsWith("event:"))
              .map(line -> line.substring(6).strip())
              .toList();
    }
    assertThat(events.getFirst()).isEqualTo("job.queued");
    assertThat(events).contains("job.started", "step.completed");
    assertThat(events.getLast()).isEqualTo("job.succeeded");
  }

  @Test
  void withoutTheKeyNothingIsServedButHealth() throws Exception {
    standalone.useKey(null);
    try {
      var refused = standalone.get("/v1/jobs");
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(dev.agentq.schemas.Json.parse(refused.body()).get("code").asString())
          .isEqualTo("missing_api_key");
      assertThat(standalone.get("/health").statusCode()).isEqualTo(200);
      assertThat(standalone.get("/v3/api-docs").statusCode()).isEqualTo(200);
    } finally {
      standalone.useKey(Standalone.API_KEY);
    }
    assertThat(standalone.log()).doesNotContain(Standalone.API_KEY);
  }
}
