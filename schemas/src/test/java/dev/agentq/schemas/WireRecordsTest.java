package dev.agentq.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every record we serve must conform to the schema that documents it. */
class WireRecordsTest {
  private static final UUID ID = UUID.fromString("0b7e3a5e-8d34-4f3c-9a55-1f4f5f8a9b10");
  private static final Instant T0 = Instant.parse("2026-11-26T10:15:30.123456Z");
  private static final Instant T1 = T0.plusMillis(850);

  private static void assertConforms(String schema, Object record) {
    assertThat(JsonSchemas.get().violations(schema, Json.toTree(record)))
        .as("%s as JSON: %s", schema, Json.write(record))
        .isEmpty();
  }

  @Test
  void jobAccepted() {
    assertConforms(
        "job-accepted", new JobAccepted(ID, JobState.QUEUED, "document-digest", T0, Links.of(ID)));
  }

  @Test
  void jobViewWhileQueuedAndWhenFailed() {
    var input = Json.parse("{\"document\":\"x\"}");
    assertConforms(
        "job",
        new JobView(
            ID,
            "document-digest",
            JobState.QUEUED,
            Lane.INTERACTIVE,
            input,
            Map.of(),
            null,
            null,
            0,
            3,
            T0,
            null,
            null,
            null,
            Links.of(ID)));
    assertConforms(
        "job",
        new JobView(
            ID,
            "document-digest",
            JobState.FAILED,
            Lane.BATCH,
            input,
            Map.of("k", "v"),
            "t",
            "https://example.com/h",
            3,
            3,
            T0,
            T0,
            T1,
            new ErrorInfo("model_error", "the model refused", false, "classify"),
            Links.of(ID)));
  }

  @Test
  void jobStatus() {
    assertConforms(
        "job-status",
        new JobStatusView(
            ID, JobState.RUNNING, "document-digest", 1, 2, T0, T1, T0, null, T1, null));
  }

  @Test
  void jobResultWithSteps() {
    var step =
        new StepView(0, "classify", "step", 1, "gpt-4o-mini", new Usage(120, 20), T0, T1, 850);
    assertConforms(
        "job-result",
        new JobResultView(
            ID,
            JobState.SUCCEEDED,
            "document-digest",
            Json.parse("{\"summary\":\"s\"}"),
            null,
            "gpt-4o-mini",
            new Usage(120, 20),
            List.of(step),
            T0,
            T1));
  }

  @Test
  void jobEvent() {
    assertConforms(
        "job-event",
        new JobEventView(42, ID, "step.completed", Json.parse("{\"name\":\"classify\"}"), T0));
  }

  @Test
  void batchViewWithAndWithoutItsInvalidLines() {
    var view =
        new dev.agentq.schemas.batch.BatchView(
            "batch",
            ID,
            "in_progress",
            new dev.agentq.schemas.batch.BatchCountsView(2, 1, 1, 0, 0, 0, 1),
            T0,
            T0,
            null,
            null,
            T1,
            Map.of("run", "nightly"),
            List.of(
                new dev.agentq.schemas.batch.InvalidLineView(
                    3, null, "invalid_jsonl_line", "not JSON")),
            dev.agentq.schemas.batch.BatchLinks.of(ID));
    assertConforms("batch", view);
    assertConforms("batch", view.withoutInvalidLines());
    assertThat(Json.toTree(view.withoutInvalidLines()).has("invalid_lines")).isFalse();
    assertThat(Json.toTree(view).path("completed_at").isNull()).isTrue();
    assertConforms(
        "batch-list",
        new dev.agentq.schemas.batch.BatchListView(
            List.of(view.withoutInvalidLines()), false, null));
    assertConforms(
        "batch-line",
        Json.parse(
            "{\"custom_id\":\"a\",\"agent\":\"document-digest\",\"input\":{},"
                + "\"metadata\":{\"k\":\"v\"}}"));
  }

  @Test
  void dispatchMessageRoundTrips() {
    var message = DispatchMessage.of(ID, "default", "document-digest", Lane.INTERACTIVE);
    assertConforms("dispatch-message", message);
    assertThat(DispatchMessage.decode(message.encode())).isEqualTo(message);
  }

  @Test
  void timestampsAreIsoStrings() {
    var json = Json.toTree(new JobAccepted(ID, JobState.QUEUED, "a", T0, Links.of(ID)));
    assertThat(json.get("created_at").asString()).isEqualTo("2026-11-26T10:15:30.123456Z");
    assertThat(json.get("status").asString()).isEqualTo("queued");
  }

  @Test
  void digestOutputsShortAndChunked() {
    var shortOutput =
        Json.parse(
            """
            {"category":"invoice","confidence":0.9,"language":"en","fields":{"n":"1"},
             "summary":"s","key_points":[]}
            """);
    var chunked = (tools.jackson.databind.node.ObjectNode) shortOutput.deepCopy();
    chunked.put("truncated", true).put("chunks_read", 3).put("chunks_total", 8);
    String schema = AgentCatalog.find("document-digest").orElseThrow().outputSchema();
    assertThat(JsonSchemas.get().violations(schema, shortOutput)).isEmpty();
    assertThat(JsonSchemas.get().violations(schema, chunked)).isEmpty();
    assertThat(JsonSchemas.get().violations(schema, chunked.put("chunks_read", 0))).isNotEmpty();
  }

  @Test
  void everyCatalogAgentHasInputAndOutputSchemas() {
    assertThat(AgentCatalog.entries())
        .allSatisfy(
            agent -> {
              var view = AgentCatalog.view(agent);
              assertThat(view.inputSchema().get("type").asString()).isEqualTo("object");
              assertThat(view.outputSchema().get("type").asString()).isEqualTo("object");
              assertConforms("agent", view);
            });
  }

  @Test
  void tenantsAndTheirLists() {
    var tenant =
        new TenantView(
            "acme",
            "Acme Corp",
            new LimitsView(null, 20, null),
            new LimitsView(10.0, 20, 1000),
            T0,
            T1);
    assertConforms("tenant", tenant);
    assertConforms("tenant-list", new TenantList(List.of(tenant)));
  }

  @Test
  void apiKeysNeverPrintTheirSecret() {
    var key = new ApiKeyView(ID, "acme", "ci", "aq_4fK9x2Lm", T0, null);
    assertConforms("api-key", key);
    assertConforms("api-key-list", new ApiKeyList(List.of(key, key)));
    String secret = "aq_" + "x".repeat(43);
    var created = ApiKeyCreated.of(key, secret);
    assertConforms("api-key-created", created);
    assertThat(created.toString()).doesNotContain(secret);
  }

  @Test
  void jobListsAndStepLists() {
    var summary =
        new JobSummaryView(
            ID,
            "document-digest",
            JobState.QUEUED,
            Lane.INTERACTIVE,
            Map.of("customer", "acme"),
            0,
            3,
            null,
            T0,
            null,
            null,
            Links.of(ID));
    assertConforms("job-summary", summary);
    assertConforms("job-list", new JobListView(List.of(summary), true, "abc"));
    assertConforms("job-list", new JobListView(List.of(), false, null));
    var step =
        new StepView(0, "classify", "step", 1, "gpt-4o-mini", new Usage(120, 20), T0, T1, 850);
    var steps = StepListView.of(ID, List.of(step, step));
    assertConforms("step-list", steps);
    assertThat(steps.usage()).isEqualTo(new Usage(240, 40));
    assertThat(steps.durationMs()).isEqualTo(1700);
  }

  @Test
  void agentList() {
    assertConforms(
        "agent-list",
        new AgentList(AgentCatalog.entries().stream().map(AgentCatalog::view).toList()));
  }

  @Test
  void requestsParseWithDefaults() {
    var tenant =
        TenantRequest.parse("{\"id\":\"acme\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(tenant.name()).isEqualTo("acme");
    assertThat(tenant.limits()).isEqualTo(new LimitsView(null, null, null));
    assertThat(ApiKeyRequest.parse(new byte[0]).name()).isEqualTo("default");
  }

  @Test
  void digestsIgnoreKeyOrderAndSpacing() {
    assertThat(JsonDigest.sha256(Json.parse("{\"a\":1,\"b\":{\"c\":[1,{\"d\":2,\"e\":3}]}}")))
        .isEqualTo(
            JsonDigest.sha256(Json.parse(" { \"b\": {\"c\":[1,{\"e\":3,\"d\":2}]}, \"a\":1}")));
    assertThat(JsonDigest.sha256(Json.parse("{\"a\":1}")))
        .isNotEqualTo(JsonDigest.sha256(Json.parse("{\"a\":2}")));
  }
}
