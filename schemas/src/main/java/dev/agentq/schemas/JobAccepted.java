package dev.agentq.schemas;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code POST /v1/jobs}; mirrors {@code job-accepted.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobAccepted(UUID id, JobState status, String agent, Instant createdAt, Links links) {}
