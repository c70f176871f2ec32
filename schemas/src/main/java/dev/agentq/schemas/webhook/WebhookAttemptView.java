package dev.agentq.schemas.webhook;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One attempt at delivering a webhook.
 *
 * @param attempt 1 for the first
 * @param statusCode the receiver's HTTP status, or null if none came back
 * @param error what went wrong, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookAttemptView(
    int attempt, Instant attemptedAt, Integer statusCode, int latencyMs, String error) {}
