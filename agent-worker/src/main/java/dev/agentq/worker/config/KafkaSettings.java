package dev.agentq.worker.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topic settings shared by the API and the workers ({@code agentq.kafka.*}); brokers come from
 * {@code spring.kafka.bootstrap-servers}.
 *
 * @param topicPrefix prefix of every topic and of the workers' consumer group
 * @param partitions partitions of each lane topic when agentq creates it
 */
@ConfigurationProperties("agentq.kafka")
public record KafkaSettings(
    @DefaultValue("agentq.") String topicPrefix, @DefaultValue("12") int partitions) {

  /** The consumer group every worker joins. */
  public String group() {
    return topicPrefix + "workers";
  }
}
