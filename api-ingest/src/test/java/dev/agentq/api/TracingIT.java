package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.schemas.DispatchMessage;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One trace from the HTTP submit to the Kafka record: the request's server span, the relay's
 * producer span under it, and the record's {@code traceparent} header naming the producer span, so
 * that the worker continues the same trace.
 */
@SpringBootTest(
    classes = {ApiApplication.class, TracingIT.Spans.class},
    webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class TracingIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final String PREFIX = TestKafka.newPrefix();
  private static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  @TestConfiguration
  static class Spans {
    @Bean
    OpenTelemetry openTelemetry() {
      return OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                  .build())
          .build();
    }
  }

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, PREFIX);
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  @Test
  void theSubmitTheRelayAndTheKafkaRecordShareOneTrace() {
    String id =
        api.submit(Requests.digest("Invoice 9: total $12."))
            .conforming(202, "job-accepted")
            .path("id")
            .asString();

    ConsumerRecord<String, byte[]> record = awaitRecord(id);
    SpanData server = awaitSpan(SpanKind.SERVER, id);
    SpanData producer = awaitSpan(SpanKind.PRODUCER, id);

    assertThat(server.getName()).isEqualTo("POST /v1/jobs");
    assertThat(server.getAttributes().get(AttributeKey.stringKey("http.route")))
        .isEqualTo("/v1/jobs");
    assertThat(server.getAttributes().get(AttributeKey.longKey("http.response.status_code")))
        .isEqualTo(202L);
    assertThat(server.getAttributes().get(AttributeKey.stringKey("agentq.tenant"))).isNotBlank();
    assertThat(producer.getTraceId()).isEqualTo(server.getTraceId());
    assertThat(producer.getParentSpanId()).isEqualTo(server.getSpanId());
    assertThat(producer.getName()).isEqualTo("publish " + PREFIX + "jobs.interactive");

    DispatchMessage message = DispatchMessage.decode(record.value());
    assertThat(message.traceparent())
        .as("the message carries the request's context through the outbox")
        .isEqualTo("00-" + server.getTraceId() + "-" + server.getSpanId() + "-01");
    assertThat(header(record))
        .as("the record's header names the relay's span")
        .isEqualTo("00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-01");
    assertThat(
            Infra.count(
                DB,
                "SELECT count(*) FROM jobs WHERE id = ? AND traceparent = ?",
                UUID.fromString(id),
                message.traceparent()))
        .as("the job keeps the context, for its webhooks")
        .isEqualTo(1);
  }

  @Test
  void aClientsTraceparentIsContinued() {
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String parent = "00f067aa0ba902b7";
    String id =
        api.postJson(
                "/v1/jobs",
                Requests.digest("Invoice 10: total $3."),
                "traceparent",
                "00-" + traceId + "-" + parent + "-01")
            .conforming(202, "job-accepted")
            .path("id")
            .asString();

    SpanData server = awaitSpan(SpanKind.SERVER, id);
    assertThat(server.getTraceId()).isEqualTo(traceId);
    assertThat(server.getParentSpanId()).isEqualTo(parent);
    assertThat(awaitSpan(SpanKind.PRODUCER, id).getTraceId()).isEqualTo(traceId);
  }

  private static SpanData awaitSpan(SpanKind kind, String jobId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                SPANS.getFinishedSpanItems().stream()
                    .filter(span -> span.getKind() == kind)
                    .filter(
                        span ->
                            jobId.equals(
                                span.getAttributes().get(AttributeKey.stringKey("agentq.job.id"))))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  private static String header(ConsumerRecord<String, byte[]> record) {
    var header = record.headers().lastHeader("traceparent");
    return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
  }

  private static ConsumerRecord<String, byte[]> awaitRecord(String key) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            TestKafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            PREFIX + "tracing-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            ByteArrayDeserializer.class);
    try (var consumer = new KafkaConsumer<String, byte[]>(config)) {
      consumer.subscribe(List.of(PREFIX + "jobs.interactive"));
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < until) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record for job " + key);
  }
}
