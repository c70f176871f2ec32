package dev.agentq.schemas;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One checkpointed step, or a model or tool call made outside any step; mirrors {@code
 * step.schema.json}.
 *
 * @param kind {@code step}, {@code model} or {@code tool}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepView(
    int seq,
    String name,
    String kind,
    int attempt,
    String model,
    Usage usage,
    Instant startedAt,
    Instant finishedAt,
    long durationMs) {}
