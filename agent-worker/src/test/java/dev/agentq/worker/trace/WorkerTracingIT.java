package dev.agentq.worker.trace;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.store.NewJob;
import dev.agentq.store.Stores;
import dev.agentq.telemetry.Tracing;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import dev.agentq.testkit.webhook.WebhookReceiver;
import dev.agentq.worker.WorkerApplication;
import dev.agentq.worker.fixture.DigestModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A job dispatched with a {@code traceparent} header, as the API's relay sends it, runs in one
 * trace: the worker's job span under the relay's span, a span per step under it, a GenAI span per
 * model call under its step, and its webhook's delivery under the submit's span; the worker's
 * metrics show the job, its tokens, cost and steps; its JSON log lines carry the trace, the job and
 * the tenant.
 */
@SpringBootTest(
    classes = {WorkerApplication.class, WorkerTracingIT.Spans.class},
    webEnvironment = WebEnvironment.RANDOM_PORT,
    // read as logging starts, before dynamic properties exist
    properties = {
      "logging.config=classpath:logback-json-test.xml",
      "logging.structured.format.console=ecs"
    })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class WorkerTracingIT {
  private static final String PREFIX = TestKafka.newPrefix();
  private static final TestDatabase DATABASE = TestPostgres.newSchema();
  private static final FakeOpenAiServer OPEN_AI =
      FakeOpenAiServer.start().respondWith(new DigestModel());
  private static final WebhookReceiver RECEIVER = WebhookReceiver.start();
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  private static final OpenTelemetrySdk SDK =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                  .build())
          .build();

  @TestConfiguration
  static class Spans {
    @Bean
    OpenTelemetry openTelemetry() {
      return SDK;
    }
  }

  @DynamicPropertySource
  static void worker(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("agentq.kafka.topic-prefix", () -> PREFIX);
    registry.add("agentq.kafka.partitions", () -> 1);
    registry.add("agentq.model.api-key", () -> "test-key");
    registry.add("agentq.model.base-url", OPEN_AI::baseUrl);
    registry.add("agentq.model.name", () -> DigestModel.MODEL);
    registry.add("agentq.model.max-retries", () -> 0);
    registry.add("agentq.webhooks.allow-http", () -> "true");
    registry.add("agentq.webhooks.allowlist", () -> "127.0.0.1");
    registry.add("agentq.webhooks.poll-interval", () -> "100ms");
    registry.add("agentq.model.prices." + DigestModel.MODEL + ".input-per-million", () -> "2.5");
    registry.add("agentq.model.prices." + DigestModel.MODEL + ".output-per-million", () -> "10");
  }

  @Autowired private Stores stores;
  @LocalServerPort private int port;

  @AfterAll
  static void stop() {
    OPEN_AI.close();
    RECEIVER.close();
  }

  @Test
  void aJobRunsInTheTraceOfItsDispatchMessage(CapturedOutput output) throws Exception {
    NewJob digest = aDigestJob().forTenant("globex").build();
    NewJob job =
        new NewJob(
            digest.id(),
            digest.tenantId(),
            digest.agent(),
            digest.lane(),
            digest.input(),
            null,
            RECEIVER.url("/hooks"),
            digest.metadata(),
            digest.maxAttempts(),
            false);
    stores.jobs().submit(job);
    // the test plays the API: the submit's server span, stored with the job, and the relay's
    // producer span under it, named in the record's header
    Span submit =
        SDK.getTracer("test").spanBuilder("POST /v1/jobs").setSpanKind(SpanKind.SERVER).startSpan();
    DATABASE.execute(
        "UPDATE jobs SET traceparent = '"
            + Tracing.traceparent(submit)
            + "' WHERE id = '"
            + job.id()
            + "'");
    Span publish =
        SDK.getTracer("test")
            .spanBuilder("publish")
            .setParent(io.opentelemetry.context.Context.root().with(submit))
            .setSpanKind(SpanKind.PRODUCER)
            .startSpan();
    String traceparent = Tracing.traceparent(publish);
    publish.end();
    submit.end();
    send(job, traceparent);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> stores.jobs().find(job.id()).orElseThrow().status() == JobState.SUCCEEDED);
    SpanData run = awaitSpan(span -> span.getName().equals("run document-digest"));

    assertThat(run.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(run.getTraceId()).isEqualTo(publish.getSpanContext().getTraceId());
    assertThat(run.getParentSpanId()).isEqualTo(publish.getSpanContext().getSpanId());
    assertThat(run.getAttributes().get(AttributeKey.stringKey("agentq.job.id")))
        .isEqualTo(job.id().toString());
    assertThat(run.getAttributes().get(AttributeKey.stringKey("agentq.tenant")))
        .isEqualTo("globex");

    List<SpanData> steps = spansUnder(run, span -> span.getName().startsWith("step "));
    assertThat(steps)
        .extracting(SpanData::getName)
        .containsExactlyInAnyOrder("step classify", "step extract", "step summarize");
    for (SpanData step : steps) {
      List<SpanData> chats = spansUnder(step, span -> span.getKind() == SpanKind.CLIENT);
      assertThat(chats).as(step.getName()).hasSize(1);
      var chat = chats.getFirst().getAttributes();
      assertThat(chats.getFirst().getName()).isEqualTo("chat " + DigestModel.MODEL);
      assertThat(chat.get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
      assertThat(chat.get(AttributeKey.stringKey("gen_ai.system"))).isEqualTo("openai");
      assertThat(chat.get(AttributeKey.stringKey("gen_ai.request.model")))
          .isEqualTo(DigestModel.MODEL);
      assertThat(chat.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isPositive();
      assertThat(chat.get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isPositive();
      assertThat(chats.getFirst().getTraceId()).isEqualTo(run.getTraceId());
    }

    SpanData webhook = awaitSpan(span -> span.getName().equals("webhook job.succeeded"));
    assertThat(webhook.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(webhook.getTraceId()).isEqualTo(run.getTraceId());
    assertThat(webhook.getParentSpanId()).isEqualTo(submit.getSpanContext().getSpanId());
    assertThat(webhook.getAttributes().get(AttributeKey.stringKey("agentq.webhook.outcome")))
        .isEqualTo("delivered");
    assertThat(webhook.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(200L);

    String metrics = get("/actuator/prometheus");
    String labels = "agent=\"document-digest\"";
    assertThat(metrics)
        .containsPattern("agentq_jobs_total\\{[^}]*lane=\"interactive\"[^}]*status=\"succeeded\"")
        .containsPattern(
            "agentq_tokens_total\\{agent=\"document-digest\",kind=\"input\",model=\""
                + DigestModel.MODEL
                + "\",tenant=\"globex\"} [1-9]")
        .containsPattern(
            "agentq_cost_usd_total\\{agent=\"document-digest\",model=\""
                + DigestModel.MODEL
                + "\",tenant=\"globex\"} 0\\.0\\d*[1-9]")
        .containsPattern("agentq_step_duration_seconds_count\\{" + labels + ",kind=\"step\"} 3")
        .containsPattern("agentq_step_duration_seconds_count\\{" + labels + ",kind=\"model\"} 3")
        .containsPattern("agentq_queue_depth\\{lane=\"batch\"}")
        .containsPattern("agentq_worker_lane_inflight\\{lane=\"interactive\"}")
        .containsPattern(
            "agentq_webhook_attempts_total\\{event=\"job.succeeded\",outcome=\"delivered\"} 1")
        .contains("agentq_worker_inflight ")
        .contains("agentq_worker_capacity ");

    String succeeded =
        output
            .getOut()
            .lines()
            .filter(line -> line.startsWith("{") && line.contains("succeeded on attempt"))
            .filter(line -> line.contains(job.id().toString()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no JSON log line of the job's success"));
    JsonNode line = Json.parse(succeeded);
    assertThat(line.path("trace_id").asString()).isEqualTo(run.getTraceId());
    assertThat(line.path("span_id").asString()).isEqualTo(run.getSpanId());
    assertThat(line.path("job_id").asString()).isEqualTo(job.id().toString());
    assertThat(line.path("tenant").asString()).isEqualTo("globex");
  }

  private static void send(NewJob job, String traceparent) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (var producer = new KafkaProducer<String, byte[]>(config)) {
      var record =
          new ProducerRecord<>(
              PREFIX + Lane.INTERACTIVE.topic(),
              job.id().toString(),
              DispatchMessage.of(job.id(), job.tenantId(), job.agent(), Lane.INTERACTIVE).encode());
      record.headers().add(Tracing.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII));
      producer.send(record);
    }
  }

  private static SpanData awaitSpan(Predicate<SpanData> wanted) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> SPANS.getFinishedSpanItems().stream().filter(wanted).findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static List<SpanData> spansUnder(SpanData parent, Predicate<SpanData> wanted) {
    return SPANS.getFinishedSpanItems().stream()
        .filter(span -> span.getParentSpanId().equals(parent.getSpanId()))
        .filter(span -> span.getTraceId().equals(parent.getTraceId()))
        .filter(wanted)
        .toList();
  }

  private String get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }
}
