package dev.agentq.store.webhook;

import java.time.Instant;

/**
 * One try at delivering a webhook.
 *
 * @param statusCode the receiver's HTTP status, or null if none came back
 * @param error what went wrong, or null
 */
public record WebhookAttempt(
    String deliveryId, Instant attemptedAt, Integer statusCode, int latencyMs, String error) {}
