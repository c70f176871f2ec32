package dev.agentq.schemas;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One entry of {@code GET /v1/agents}; mirrors {@code agent.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgentView(
    String name, String description, JsonNode inputSchema, JsonNode outputSchema) {}
