package dev.agentq.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topic settings ({@code agentq.kafka.*}), shared with the workers.
 *
 * @param topicPrefix prefix of every topic and of the workers' consumer group
 * @param partitions partitions of each lane topic when agentq creates it
 */
@ConfigurationProperties("agentq.kafka")
public record TopicProperties(
    @DefaultValue("agentq.") String topicPrefix, @DefaultValue("12") int partitions) {}
