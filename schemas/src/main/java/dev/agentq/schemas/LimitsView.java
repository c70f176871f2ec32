package dev.agentq.schemas;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tenant's limits; mirrors {@code limits} in {@code defs.schema.json}. A null component means the
 * deployment's default.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LimitsView(Double requestsPerSecond, Integer burst, Integer maxQueuedJobs) {}
