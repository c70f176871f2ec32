package dev.agentq.store.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A tenant's registered webhook receiver.
 *
 * @param eventTypes the event types it gets
 * @param secrets newest first; more than one during a rotation
 * @param failingSince when deliveries to it began failing without a success since, or null
 */
public record WebhookEndpoint(
    UUID id,
    String tenantId,
    String url,
    String description,
    List<String> eventTypes,
    List<WebhookSecret> secrets,
    boolean enabled,
    String disabledReason,
    Instant disabledAt,
    Instant failingSince,
    Instant createdAt,
    Instant updatedAt) {}
