package dev.agentq.schemas.batch;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A line refused, by number from 1, with why. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record InvalidLineView(int line, String customId, String code, String detail) {}
