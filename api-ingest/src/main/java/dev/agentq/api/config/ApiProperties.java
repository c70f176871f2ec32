package dev.agentq.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the API ({@code agentq.api.*}).
 *
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param maxAttempts attempts a job gets before it fails for good
 * @param outboxBatch outbox messages published per round trip
 * @param outboxPoll how often the relay looks for messages it was not told about
 */
@ConfigurationProperties("agentq.api")
public record ApiProperties(
    @DefaultValue("1048576") int maxBodyBytes,
    @DefaultValue("3") int maxAttempts,
    @DefaultValue("500") int outboxBatch,
    @DefaultValue("200ms") Duration outboxPoll) {}
