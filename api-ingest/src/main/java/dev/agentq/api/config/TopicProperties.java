package dev.agentq.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topic prefix ({@code agentq.kafka.topic-prefix}), shared with the workers.
 *
 * @param topicPrefix prefix of every agentq topic
 */
@ConfigurationProperties("agentq.kafka")
public record TopicProperties(@DefaultValue("agentq.") String topicPrefix) {}
