package dev.agentq.bench;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Topics;
import dev.agentq.store.OutboxMessage;
import dev.agentq.store.OutboxStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the outbox to Kafka as the API's relay does: the logical topic with the deployment's
 * prefix, keyed by job id, each batch deleted once Kafka has all of it. For the concurrency run,
 * whose jobs are written straight into the store with no API to relay them.
 */
final class OutboxPublisher {
  private static final int BATCH = 1000;

  private OutboxPublisher() {}

  /** Publishes until the outbox is empty. */
  static void drain(OutboxStore outbox, Topics topics, String bootstrapServers) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5);
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
      while (outbox.relay(BATCH, batch -> publish(producer, topics, batch)) > 0) {
        // until the outbox is empty
      }
    }
  }

  private static void publish(
      KafkaProducer<String, byte[]> producer, Topics topics, List<OutboxMessage> batch) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (OutboxMessage message : batch) {
      sent.add(
          producer.send(
              new ProducerRecord<>(
                  topics.name(message.topic()),
                  message.key(),
                  Json.writeBytes(message.payload()))));
    }
    producer.flush();
    for (Future<RecordMetadata> record : sent) {
      try {
        record.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("Kafka did not take a dispatch message", e);
      }
    }
  }
}
