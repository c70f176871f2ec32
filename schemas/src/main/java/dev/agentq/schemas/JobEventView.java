package dev.agentq.schemas;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One job event; mirrors {@code job-event.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobEventView(long id, UUID jobId, String type, JsonNode data, Instant createdAt) {}
