package dev.agentq.api.outbox;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Topics;
import dev.agentq.store.OutboxMessage;
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

  public KafkaJobQueue(Map<String, Object> clientConfig, Topics topics) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    this.producer = new KafkaProducer<>(config);
    this.topics = topics;
  }

  @Override
  public void publish(List<OutboxMessage> messages) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(messages.size());
    for (OutboxMessage message : messages) {
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  topics.name(message.topic()),
                  message.key(),
                  Json.writeBytes(message.payload()))));
    }
    producer.flush();
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
