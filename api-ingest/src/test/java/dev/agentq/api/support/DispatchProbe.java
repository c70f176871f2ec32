package dev.agentq.api.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning with a plain Kafka consumer and keeps every record by key.
 * Create it before the API publishes; use it from the test thread only.
 */
public final class DispatchProbe implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<String, List<byte[]>> byKey = new HashMap<>();

  public DispatchProbe(String bootstrapServers, String topic) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, topic + ".probe-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    createTopic(bootstrapServers, topic);
    this.consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(topic));
    await("partitions of " + topic + " assigned")
        .atMost(Duration.ofMinutes(1))
        .pollInSameThread()
        .until(
            () -> {
              collect(consumer.poll(Duration.ofMillis(200)));
              return !consumer.assignment().isEmpty();
            });
  }

  /**
   * Creates the topic up front, as the workers do in a deployment. Left to auto-creation by the
   * API's first publish, an idempotent producer can stall on it until its delivery timeout
   * (KAFKA-15591), which would slow these tests by minutes.
   */
  private static void createTopic(String bootstrapServers, String topic) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("could not create " + topic, e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating " + topic, e);
    }
  }

  private void collect(ConsumerRecords<String, byte[]> records) {
    for (ConsumerRecord<String, byte[]> record : records) {
      byKey.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
    }
  }

  /** Polls until a record keyed by each of {@code keys} has arrived; returns all values by key. */
  public Map<String, List<byte[]>> awaitKeys(Collection<String> keys) {
    await("dispatch messages keyed " + keys.size() + " job ids")
        .atMost(Duration.ofMinutes(3))
        .pollInSameThread()
        .until(
            () -> {
              collect(consumer.poll(Duration.ofMillis(500)));
              return byKey.keySet().containsAll(keys);
            });
    return Map.copyOf(byKey);
  }

  /** Polls until a record keyed {@code key} whose value satisfies {@code wanted} has arrived. */
  public byte[] awaitValue(String key, java.util.function.Predicate<byte[]> wanted) {
    await("a matching dispatch message keyed " + key)
        .atMost(Duration.ofMinutes(3))
        .pollInSameThread()
        .until(
            () -> {
              collect(consumer.poll(Duration.ofMillis(500)));
              return byKey.getOrDefault(key, List.of()).stream().anyMatch(wanted);
            });
    return byKey.get(key).stream().filter(wanted).findFirst().orElseThrow();
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }
}
