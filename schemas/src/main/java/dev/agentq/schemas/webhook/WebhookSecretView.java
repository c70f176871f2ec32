package dev.agentq.schemas.webhook;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A secret that signs now, without its value.
 *
 * @param expiresAt when a secret being rotated out stops signing; null for the current one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookSecretView(Instant createdAt, Instant expiresAt) {}
