package dev.agentq.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The standalone jar, driven only over HTTP, takes a 1,000-document JSONL batch, runs it to {@code
 * completed}, and gives back exactly one result line per {@code custom_id}.
 */
class StandaloneBatchIT {
  private static final int DOCUMENTS = 1_000;

  private static FakeOpenAiServer model;
  private static Standalone standalone;

  @BeforeAll
  static void start() throws Exception {
    model = FakeOpenAiServer.start().respondWith(new DigestReplies()).recording(false);
    Path home = Files.createTempDirectory("agentq-batch-e2e-").resolve("home");
    standalone =
        Standalone.start(
            home,
            Map.of(
                "OPENAI_API_KEY", "sk-test-batch",
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

  private static String customId(int i) {
    return "doc-%04d".formatted(i);
  }

  private static String jsonl() {
    return IntStream.range(0, DOCUMENTS)
        .mapToObj(
            i -> {
              var line =
                  Json.object().put("custom_id", customId(i)).put("agent", "document-digest");
              line.set(
                  "input",
                  Json.object()
                      .put(
                          "document", "INVOICE #INV-" + i + ". Consulting. Total due: $1,500.00."));
              return Json.write(line);
            })
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void aThousandDocumentBatchCompletesWithOneResultLinePerCustomId() throws Exception {
    var created = standalone.post("/v1/batches?metadata=source:e2e", "application/jsonl", jsonl());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode batch = Json.parse(created.body());
    String id = batch.get("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/v1/batches/" + id);
    assertThat(batch.at("/counts/total").asLong()).isEqualTo(DOCUMENTS);
    assertThat(batch.at("/counts/invalid").asLong()).isZero();

    await("batch " + id + " completed")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> standalone.getJson("/v1/batches/" + id).get("status").asString(),
            status -> status.equals("completed"));

    JsonNode done = standalone.getJson("/v1/batches/" + id);
    assertThat(JsonSchemas.get().violations("batch", done)).isEmpty();
    assertThat(
            done.get("counts").properties().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().asLong())))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "total", (long) DOCUMENTS,
                "queued", 0L,
                "running", 0L,
                "succeeded", (long) DOCUMENTS,
                "failed", 0L,
                "cancelled", 0L,
                "invalid", 0L));
    assertThat(done.get("completed_at").isString()).isTrue();
    assertThat(done.at("/metadata/source").asString()).isEqualTo("e2e");

    var results = standalone.get("/v1/batches/" + id + "/results");
    assertThat(results.statusCode()).isEqualTo(200);
    assertThat(results.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/jsonl"));
    List<JsonNode> lines =
        results.body().lines().filter(line -> !line.isBlank()).map(Json::parse).toList();
    assertThat(lines).hasSize(DOCUMENTS);
    assertThat(lines)
        .extracting(line -> line.get("custom_id").asString())
        .as("one line per custom_id, in line order")
        .containsExactlyElementsOf(
            IntStream.range(0, DOCUMENTS).mapToObj(StandaloneBatchIT::customId).toList());
    assertThat(
            lines.stream().map(line -> line.get("job_id").asString()).collect(Collectors.toSet()))
        .hasSize(DOCUMENTS);
    assertThat(lines)
        .allSatisfy(
            line -> {
              assertThat(line.get("status").asString()).isEqualTo("succeeded");
              assertThat(line.at("/output/category").asString()).isEqualTo("invoice");
            });
    Map<String, Long> perId =
        lines.stream()
            .collect(
                Collectors.groupingBy(
                    line -> line.get("custom_id").asString(), Collectors.counting()));
    assertThat(perId.values()).containsOnly(1L);

    var errors = standalone.get("/v1/batches/" + id + "/results?errors_only=true");
    assertThat(errors.statusCode()).isEqualTo(200);
    assertThat(errors.body().lines().filter(line -> !line.isBlank())).isEmpty();
  }
}
