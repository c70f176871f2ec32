package dev.agentq.schemas;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** One checkpointed step; mirrors {@code step.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepView(
    int seq,
    String name,
    int attempt,
    String model,
    Usage usage,
    Instant startedAt,
    Instant finishedAt,
    long durationMs) {}
