package dev.agentq.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Default limits of tenants that set none of their own ({@code agentq.limits.*}).
 *
 * @param requestsPerSecond how fast each key's token bucket refills
 * @param burst requests a key may make at once: the size of its bucket
 * @param maxQueuedJobs jobs of one tenant that may wait to run at once in the interactive lane (a
 *     batch's jobs wait in the batch lane and are not counted)
 * @param idempotencyKeyLifetime how long an Idempotency-Key keeps answering with its job
 */
@ConfigurationProperties("agentq.limits")
public record LimitProperties(
    @DefaultValue("50") double requestsPerSecond,
    @DefaultValue("100") int burst,
    @DefaultValue("10000") int maxQueuedJobs,
    @DefaultValue("24h") Duration idempotencyKeyLifetime) {}
