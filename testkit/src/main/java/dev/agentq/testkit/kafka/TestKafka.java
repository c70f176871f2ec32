package dev.agentq.testkit.kafka;

import java.util.UUID;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker for tests: {@code AGENTQ_TEST_KAFKA} when set, else one in-process KRaft
 * broker per JVM (Apache Kafka's own server code). Tests share the broker and stay apart by giving
 * their topics and consumer groups a prefix of their own ({@link #newPrefix()}).
 */
public final class TestKafka {
  /** Environment variable naming external bootstrap servers, e.g. {@code localhost:9092}. */
  public static final String BOOTSTRAP_ENV = "AGENTQ_TEST_KAFKA";

  private static final Object LOCK = new Object();
  private static String bootstrap;

  private TestKafka() {}

  public static String bootstrapServers() {
    synchronized (LOCK) {
      if (bootstrap == null) {
        String configured = System.getenv(BOOTSTRAP_ENV);
        bootstrap = configured == null || configured.isBlank() ? startEmbedded() : configured;
      }
      return bootstrap;
    }
  }

  /** A topic and group prefix no other test uses, such as {@code t3f9a1c2.}. */
  public static String newPrefix() {
    return "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
  }

  private static String startEmbedded() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 4);
    broker.brokerProperty("auto.create.topics.enable", "true");
    broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
    return broker.getBrokersAsString();
  }
}
