package dev.agentq.store;

import dev.agentq.schemas.Usage;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The recorded result of one finished step. Replay returns {@link #output()} instead of running the
 * step again.
 *
 * @param seq the step's position in the job, from 0
 * @param attempt the attempt that ran it
 * @param model the model the step called, or null if it called none
 */
public record Checkpoint(
    int seq,
    String name,
    int attempt,
    JsonNode output,
    String model,
    Usage usage,
    Instant startedAt,
    Instant finishedAt) {

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }
}
