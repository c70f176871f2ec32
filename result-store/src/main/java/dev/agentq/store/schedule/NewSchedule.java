package dev.agentq.store.schedule;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** A schedule to store, with its first tick already worked out. */
public record NewSchedule(
    UUID id,
    String tenantId,
    String name,
    String cron,
    String timeZone,
    JsonNode template,
    Instant nextRunAt) {}
