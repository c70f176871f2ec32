package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.DispatchProbe;
import dev.agentq.api.support.FakeDispatcher;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Tenants;
import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.store.Job;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.webhook.ReceivedWebhook;
import dev.agentq.testkit.webhook.WebhookReceiver;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
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
 * Batches over real HTTP, Postgres and Kafka: bad lines are reported by number while the rest
 * become jobs, all_or_nothing keeps nothing, limits answer 413, results come in line order,
 * cancelling stops what has not finished, batch.completed is delivered once, and other tenants see
 * none of it.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BatchesIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final FakeWorker WORKER = new FakeWorker(DB);
  private static final FakeDispatcher DISPATCHER = new FakeDispatcher(DB);
  private static final String JSONL = "application/jsonl";
  private static final String PREFIX = TestKafka.newPrefix();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, PREFIX);
  }

  @AfterAll
  static void stop() {
    WORKER.close();
    DISPATCHER.close();
  }

  @LocalServerPort int port;
  private ApiClient acme;
  private String tenant;

  @BeforeEach
  void tenant() {
    tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
    acme = Tenants.create(new ApiClient(port), tenant, null);
  }

  private static String line(String customId, String document) {
    return "{\"custom_id\":\""
        + customId
        + "\",\"agent\":\"document-digest\",\"input\":{\"document\":\""
        + document
        + "\"}}";
  }

  private static String lines(int n) {
    return IntStream.rangeClosed(1, n)
        .mapToObj(i -> line("doc-" + i, "Invoice " + i))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private ApiResponse upload(ApiClient client, String query, String jsonl) {
    return client.post("/v1/batches" + query, JSONL, jsonl.getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode batch(String jsonl) {
    return upload(acme, "", jsonl).conforming(201, "batch");
  }

  private JsonNode get(String id) {
    return acme.get("/v1/batches/" + id).conforming(200, "batch");
  }

  /** custom_id → job id, from the results. */
  private Map<String, String> jobs(String batchId) {
    Map<String, String> jobs = new LinkedHashMap<>();
    for (JsonNode line : results(acme, batchId, "")) {
      jobs.put(line.path("custom_id").asString(), line.path("job_id").asString());
    }
    return jobs;
  }

  private static List<JsonNode> results(ApiClient client, String batchId, String query) {
    ApiResponse response = client.get("/v1/batches/" + batchId + "/results" + query);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.contentType()).startsWith(JSONL);
    List<JsonNode> lines = new ArrayList<>();
    for (String text : response.body().split("\n")) {
      if (!text.isEmpty()) {
        lines.add(Json.parse(text));
      }
    }
    return lines;
  }

  private long batchesOfTenant() {
    return Infra.count(DB, "SELECT count(*) FROM batches WHERE tenant_id = ?", tenant)
        + Infra.count(DB, "SELECT count(*) FROM jobs WHERE tenant_id = ?", tenant);
  }

  @Test
  void badLinesAreReportedByNumberAndTheRestBecomeJobs() {
    String jsonl =
        String.join(
            "\n",
            line("a", "Invoice 1"), // 1
            "{not json", // 2
            "{\"custom_id\":\"c\",\"agent\":\"no-such-agent\",\"input\":{}}", // 3
            "{\"custom_id\":\"d\",\"agent\":\"document-digest\",\"input\":{\"pages\":3}}", // 4
            "{\"agent\":\"document-digest\",\"input\":{\"document\":\"x\"}}", // 5
            line("a", "Invoice again"), // 6
            "", // 7: blank, skipped
            "{\"custom_id\":\"g\",\"agent\":\"document-digest\",\"input\":{\"document\":\"x\"},"
                + "\"priority\":1}", // 8
            "[1,2]", // 9
            line("b", "Invoice 2")); // 10
    ApiResponse response =
        upload(acme, "?metadata=customer:acme&metadata=run:nightly", jsonl + "\r\n");
    JsonNode batch = response.conforming(201, "batch");
    String id = batch.path("id").asString();
    assertThat(response.header("Location")).isEqualTo("/v1/batches/" + id);
    assertThat(batch.path("status").asString()).isEqualTo("in_progress");
    assertThat(batch.at("/counts/total").asInt()).isEqualTo(2);
    assertThat(batch.at("/counts/queued").asInt()).isEqualTo(2);
    assertThat(batch.at("/counts/invalid").asInt()).isEqualTo(7);
    assertThat(batch.path("metadata").path("customer").asString()).isEqualTo("acme");
    assertThat(batch.path("in_progress_at").isNull()).isFalse();
    assertThat(batch.path("links").path("jobs").asString()).isEqualTo("/v1/jobs?batch=" + id);
    Map<Integer, String> codes = new LinkedHashMap<>();
    batch
        .path("invalid_lines")
        .forEach(l -> codes.put(l.path("line").asInt(), l.path("code").asString()));
    assertThat(codes)
        .containsExactly(
            Map.entry(2, "invalid_jsonl_line"),
            Map.entry(3, "unknown_agent"),
            Map.entry(4, "invalid_input"),
            Map.entry(5, "missing_custom_id"),
            Map.entry(6, "duplicate_custom_id"),
            Map.entry(8, "invalid_jsonl_line"),
            Map.entry(9, "invalid_jsonl_line"));
    assertThat(batch.at("/invalid_lines/4/custom_id").asString()).isEqualTo("a");
    assertThat(batch.at("/invalid_lines/5/detail").asString()).contains("priority");

    JsonNode listed = acme.get("/v1/jobs?batch=" + id).conforming(200, "job-list");
    assertThat(listed.path("data")).hasSize(2);
    listed.path("data").forEach(job -> assertThat(job.path("lane").asString()).isEqualTo("batch"));
    List<String> jobIds = new ArrayList<>(jobs(id).values());
    try (DispatchProbe probe =
        new DispatchProbe(TestKafka.bootstrapServers(), PREFIX + "jobs.batch")) {
      Map<String, List<byte[]>> dispatched = probe.awaitKeys(jobIds);
      for (String jobId : jobIds) {
        DispatchMessage message = DispatchMessage.decode(dispatched.get(jobId).getFirst());
        assertThat(message.lane()).isEqualTo(Lane.BATCH);
        assertThat(message.tenant()).isEqualTo(tenant);
      }
    }
    assertThat(get(id)).isEqualTo(batch);
  }

  @Test
  void allOrNothingKeepsNothingWhenALineIsBad() {
    String jsonl = line("a", "x") + "\n" + line("b", "y") + "\n{\"custom_id\":\"c\"}\n";
    JsonNode problem =
        upload(acme, "?all_or_nothing=true", jsonl).problem(422, "batch_invalid_lines");
    assertThat(problem.path("invalid_lines")).hasSize(1);
    assertThat(problem.at("/invalid_lines/0/line").asInt()).isEqualTo(3);
    assertThat(problem.at("/invalid_lines/0/custom_id").asString()).isEqualTo("c");
    assertThat(problem.at("/invalid_lines/0/code").asString()).isEqualTo("invalid_jsonl_line");
    assertThat(batchesOfTenant()).isZero();

    JsonNode whole = upload(acme, "?all_or_nothing=true", lines(3)).conforming(201, "batch");
    assertThat(whole.at("/counts/total").asInt()).isEqualTo(3);
    assertThat(whole.path("invalid_lines")).isEmpty();
  }

  @Test
  void aDuplicateCustomIdIsRefusedWhereverItComes() {
    String jsonl = lines(3) + line("doc-2", "again") + "\n";
    JsonNode batch = batch(jsonl);
    assertThat(batch.at("/counts/total").asInt()).isEqualTo(3);
    assertThat(batch.at("/invalid_lines/0/line").asInt()).isEqualTo(4);
    assertThat(batch.at("/invalid_lines/0/code").asString()).isEqualTo("duplicate_custom_id");
    assertThat(batch.at("/invalid_lines/0/custom_id").asString()).isEqualTo("doc-2");
  }

  @Test
  void aMultipartUploadCarriesTheFileInPartFile() {
    String boundary = "agentq-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"batch.jsonl\""
            + "\r\nContent-Type: application/jsonl\r\n\r\n"
            + lines(4)
            + "\r\n--"
            + boundary
            + "--\r\n";
    JsonNode batch =
        acme.post(
                "/v1/batches?metadata=source:upload",
                "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8))
            .conforming(201, "batch");
    assertThat(batch.at("/counts/total").asInt()).isEqualTo(4);
    assertThat(batch.at("/counts/invalid").asInt()).isZero();

    String noFile =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"all_or_nothing\"\r\n\r\ntrue\r\n--"
            + boundary
            + "--\r\n";
    acme.post(
            "/v1/batches",
            "multipart/form-data; boundary=" + boundary,
            noFile.getBytes(StandardCharsets.UTF_8))
        .problem(400, "batch_file_missing");
  }

  @Test
  void tooManyLinesAnswer413AndAnEmptyBatch400WithNothingKept() {
    StringBuilder big = new StringBuilder();
    String shortLine = "{\"custom_id\":\"x\"}\n";
    for (int i = 0; i < 100_001; i++) {
      big.append(shortLine);
    }
    upload(acme, "", big.toString()).problem(413, "batch_too_large");
    upload(acme, "", "\n  \n").problem(400, "batch_empty");
    upload(acme, "", "").problem(400, "batch_empty");
    assertThat(batchesOfTenant()).isZero();
    acme.post("/v1/batches", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
        .problem(415, "unsupported_media_type");
    upload(acme, "?all_or_nothing=maybe&colour=red", lines(1)).problem(400, "invalid_query");
  }

  @Test
  void resultsComeInLineOrderAndErrorsOnlyKeepsFailures() {
    String id = batch(lines(4)).path("id").asString();
    Map<String, String> jobs = jobs(id);
    WORKER.succeed(WORKER.claim(jobs.get("doc-1")));
    WORKER.fail(WORKER.claim(jobs.get("doc-3")), "classify");

    List<JsonNode> all = results(acme, id, "");
    assertThat(all)
        .extracting(l -> l.path("custom_id").asString())
        .containsExactly("doc-1", "doc-2", "doc-3", "doc-4");
    assertThat(all.get(0).path("status").asString()).isEqualTo("succeeded");
    assertThat(all.get(0).path("output").path("ok").asBoolean()).isTrue();
    assertThat(all.get(1).path("status").asString()).isEqualTo("queued");
    assertThat(all.get(1).has("output") || all.get(1).has("error")).isFalse();
    assertThat(all.get(2).path("status").asString()).isEqualTo("failed");
    assertThat(all.get(2).at("/error/code").asString()).isEqualTo("model_unavailable");

    assertThat(results(acme, id, "?errors_only=true"))
        .extracting(l -> l.path("custom_id").asString())
        .containsExactly("doc-3");

    JsonNode batch = get(id);
    assertThat(batch.at("/counts/succeeded").asInt()).isEqualTo(1);
    assertThat(batch.at("/counts/failed").asInt()).isEqualTo(1);
    assertThat(batch.at("/counts/queued").asInt()).isEqualTo(2);
    assertThat(batch.path("estimated_completion_at").isNull()).isFalse();
  }

  @Test
  void cancellingMidBatchCancelsWhatWaitsAndStopsWhatRuns() {
    WebhookReceiver receiver = WebhookReceiver.start();
    try {
      String id =
          upload(acme, "?webhook_url=" + receiver.url("/batch"), lines(5))
              .conforming(201, "batch")
              .path("id")
              .asString();
      Map<String, String> jobs = jobs(id);
      WORKER.succeed(WORKER.claim(jobs.get("doc-1")));
      Job running = WORKER.claim(jobs.get("doc-2"));

      JsonNode cancelling =
          acme.send("POST", "/v1/batches/" + id + "/cancel", null, BodyPublishers.noBody())
              .conforming(200, "batch");
      assertThat(cancelling.path("status").asString()).isEqualTo("cancelling");
      assertThat(cancelling.path("counts"))
          .isEqualTo(
              Json.parse(
                  "{\"total\":5,\"queued\":0,\"running\":1,\"succeeded\":1,\"failed\":0,"
                      + "\"cancelled\":3,\"invalid\":0}"));
      assertThat(
              Infra.count(
                  DB,
                  "SELECT count(*) FROM jobs WHERE id = ? AND cancel_requested_at IS NOT NULL",
                  running.id()))
          .isEqualTo(1);
      DISPATCHER.deliverDue();
      assertThat(batchWebhooks(receiver)).isEmpty();

      WORKER.cancelled(running);
      JsonNode cancelled = get(id);
      assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
      assertThat(cancelled.path("cancelled_at").isNull()).isFalse();
      assertThat(cancelled.path("completed_at").isNull()).isTrue();
      assertThat(cancelled.at("/counts/cancelled").asInt()).isEqualTo(4);
      assertThat(cancelled.at("/counts/succeeded").asInt()).isEqualTo(1);
      assertThat(cancelled.at("/counts/running").asInt()).isZero();
      acme.send("POST", "/v1/batches/" + id + "/cancel", null, BodyPublishers.noBody())
          .problem(409, "batch_finished");

      DISPATCHER.deliverDue();
      List<ReceivedWebhook> sent = batchWebhooks(receiver);
      assertThat(sent).hasSize(1);
      assertThat(Json.parse(sent.getFirst().body()).at("/data/status").asString())
          .isEqualTo("cancelled");
    } finally {
      receiver.close();
    }
  }

  @Test
  void batchCompletedIsDeliveredOnceWhenTheLastJobsEndTogether() throws Exception {
    WebhookReceiver receiver = WebhookReceiver.start();
    try {
      String id =
          upload(acme, "?webhook_url=" + receiver.url("/batch"), lines(6))
              .conforming(201, "batch")
              .path("id")
              .asString();
      List<Job> claimed = jobs(id).values().stream().map(WORKER::claim).toList();
      assertThat(get(id).at("/counts/running").asInt()).isEqualTo(6);
      // each job ends in its own transaction, two at a time
      List<CompletableFuture<Void>> ends =
          claimed.stream()
              .map(job -> CompletableFuture.runAsync(() -> WORKER.succeed(job)))
              .toList();
      CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)).get();

      JsonNode done = get(id);
      assertThat(done.path("status").asString()).isEqualTo("completed");
      assertThat(done.path("completed_at").isNull()).isFalse();
      assertThat(done.path("estimated_completion_at").isNull()).isTrue();
      assertThat(done.at("/counts/succeeded").asInt()).isEqualTo(6);

      DISPATCHER.deliverDue();
      DISPATCHER.deliverDue();
      List<ReceivedWebhook> sent = batchWebhooks(receiver);
      assertThat(sent).hasSize(1);
      JsonNode event = Json.parse(sent.getFirst().body());
      assertThat(event.path("type").asString()).isEqualTo("batch.completed");
      assertThat(event.at("/data/id").asString()).isEqualTo(id);
      assertThat(event.at("/data/status").asString()).isEqualTo("completed");
      assertThat(event.at("/data/counts/succeeded").asInt()).isEqualTo(6);
      assertThat(event.path("data").has("invalid_lines")).isFalse();
      assertThat(sent.getFirst().signature()).startsWith("v1,");
    } finally {
      receiver.close();
    }
  }

  @Test
  void aBatchWhoseEveryLineIsBadFails() {
    JsonNode batch = batch("{\"custom_id\":\"a\"}\n");
    assertThat(batch.path("status").asString()).isEqualTo("failed");
    assertThat(batch.at("/counts/total").asInt()).isZero();
    assertThat(batch.at("/counts/invalid").asInt()).isEqualTo(1);
  }

  @Test
  void batchesAreListedNewestFirstAPageAtATime() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(batch(lines(1)).path("id").asString());
    }
    JsonNode first = acme.get("/v1/batches?limit=2").conforming(200, "batch-list");
    assertThat(first.path("data"))
        .extracting(b -> b.path("id").asString())
        .containsExactly(ids.get(2), ids.get(1));
    JsonNode second =
        acme.get("/v1/batches?limit=2&cursor=" + first.path("next_cursor").asString())
            .conforming(200, "batch-list");
    assertThat(second.path("data"))
        .extracting(b -> b.path("id").asString())
        .containsExactly(ids.get(0));
    assertThat(second.path("next_cursor").isNull()).isTrue();
    acme.get("/v1/batches?cursor=nope").problem(400, "invalid_query");
  }

  @Test
  void anotherTenantsBatchIsNotFound() {
    String id = batch(lines(2)).path("id").asString();
    ApiClient other = Tenants.create(new ApiClient(port), tenant + "-other", null);
    other.get("/v1/batches/" + id).problem(404, "batch_not_found");
    other.get("/v1/batches/" + id + "/results").problem(404, "batch_not_found");
    other
        .send("POST", "/v1/batches/" + id + "/cancel", null, BodyPublishers.noBody())
        .problem(404, "batch_not_found");
    assertThat(other.get("/v1/jobs?batch=" + id).conforming(200, "job-list").path("data"))
        .isEmpty();
    assertThat(other.get("/v1/batches").conforming(200, "batch-list").path("data")).isEmpty();
    acme.get("/v1/batches/" + UUID.randomUUID()).problem(404, "batch_not_found");
    acme.get("/v1/batches/not-a-uuid").problem(404, "batch_not_found");
    assertThat(get(id).path("status").asString()).isEqualTo("in_progress");
  }

  private static List<ReceivedWebhook> batchWebhooks(WebhookReceiver receiver) {
    return receiver.received().stream()
        .filter(w -> w.body().contains("\"batch.completed\""))
        .toList();
  }
}
