package dev.agentq.api.outbox;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Topics;
import dev.agentq.store.OutboxMessage;
import dev.agentq.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** {@link JobQueue} on Kafka: idempotent producer, acknowledged by all in-sync replicas. */
public final class KafkaJobQueue implements JobQueue {
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

  private final KafkaProducer<String, byte[]> producer;
  private final Topics topics;
  private final Tracing tracing;

  public KafkaJobQueue(Map<String, Object> clientConfig, Topics topics) {
    this(clientConfig, topics, Tracing.off());
  }

  /**
   * @param tracing a producer span per message, continuing the trace its payload names, whose
   *     {@code traceparent} goes with the record as a header
   */
  public KafkaJobQueue(Map<String, Object> clientConfig, Topics topics, Tracing tracing) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    this.producer = new KafkaProducer<>(config);
    this.topics = topics;
    this.tracing = tracing;
  }

  @Override
  public void publish(List<OutboxMessage> messages) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(messages.size());
    List<Span> spans = new ArrayList<>(messages.size());
    for (OutboxMessage message : messages) {
      var record =
          new ProducerRecord<>(
              topics.name(message.topic()), message.key(), Json.writeBytes(message.payload()));
      String traceparent = message.payload().path(Tracing.TRACEPARENT).asString(null);
      if (traceparent != null) {
        Span span =
            tracing
                .continueFrom(traceparent, "publish " + record.topic(), SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("agentq.job.id", message.key())
                .startSpan();
        spans.add(span);
        String ours = Tracing.traceparent(span);
        if (ours != null) {
          record.headers().add(Tracing.TRACEPARENT, ours.getBytes(StandardCharsets.US_ASCII));
        }
      }
      sent.add(producer.send(record));
    }
    producer.flush();
    try {
      awaitAcks(sent);
    } catch (RuntimeException e) {
      spans.forEach(span -> span.setStatus(StatusCode.ERROR, "not acknowledged"));
      throw e;
    } finally {
      spans.forEach(Span::end);
    }
  }

  private static void awaitAcks(List<Future<RecordMetadata>> sent) {
    try {
      for (Future<RecordMetadata> ack : sent) {
        ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused a message: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge within " + ACK_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
