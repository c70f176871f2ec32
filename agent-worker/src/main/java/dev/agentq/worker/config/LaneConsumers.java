package dev.agentq.worker.config;

import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Topics;
import dev.agentq.worker.dispatch.KafkaDispatchListener;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/** The Kafka consumer of one lane's dispatch topic. */
final class LaneConsumers {
  private LaneConsumers() {}

  static ConcurrentMessageListenerContainer<String, byte[]> create(
      Lane lane,
      Map<String, Object> clientConfig,
      KafkaSettings kafka,
      WorkerProperties worker,
      WorkerIdentity identity,
      KafkaDispatchListener listener) {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.group());
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, identity.name() + "-" + lane.wire());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
    if (!worker.groupInstanceId().isBlank()) {
      config.put(
          ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, worker.groupInstanceId() + "-" + lane.wire());
    }
    var properties = new ContainerProperties(new Topics(kafka.topicPrefix()).lane(lane));
    properties.setMessageListener(listener);
    // The listener acknowledges what it took and hands the rest of a poll back (nack).
    properties.setAckMode(ContainerProperties.AckMode.MANUAL);

    var container =
        new ConcurrentMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<String, byte[]>(config), properties);
    container.setConcurrency(worker.consumers());
    container.setBeanName(lane.wire() + "Consumer");
    // If claims cannot be written (Postgres down), retry the batch for as long as it takes: its
    // offsets are not committed, and nothing is dropped.
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(10_000);
    DefaultErrorHandler errorHandler = new DefaultErrorHandler(backOff);
    errorHandler.setLogLevel(KafkaException.Level.WARN);
    container.setCommonErrorHandler(errorHandler);
    return container;
  }
}
