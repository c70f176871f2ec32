package dev.agentq.store.schedule;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's schedule: when it runs and what each run makes.
 *
 * @param cron the expression as the tenant wrote it
 * @param timeZone the IANA zone the expression's wall-clock times are in
 * @param template {@code {"job": {...}}} or {@code {"batch": {...}}}
 * @param nextRunAt the next tick; null while paused
 * @param lastRunAt when it last ran, or null
 */
public record Schedule(
    UUID id,
    String tenantId,
    String name,
    String cron,
    String timeZone,
    JsonNode template,
    boolean paused,
    Instant nextRunAt,
    Instant lastRunAt,
    Instant createdAt,
    Instant updatedAt) {}
