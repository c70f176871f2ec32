package dev.agentq.store;

import dev.agentq.schemas.Usage;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * The recorded result of one finished piece of a job: a step, or a model or tool call made through
 * the job context. Replay returns {@link #output()} instead of doing the work again.
 *
 * @param seq position in the job, from 0; a step's calls follow it ({@code seq + 1 …})
 * @param kind what was recorded
 * @param parentSeq the step a call was made in, or null for top-level work
 * @param endSeq for a step, the position after its last call; replay continues there
 * @param attempt the attempt that did the work
 * @param model the model called, or null
 * @param usage tokens spent; for a step, the sum of its model calls
 */
public record Checkpoint(
    int seq,
    String name,
    Kind kind,
    Integer parentSeq,
    Integer endSeq,
    int attempt,
    JsonNode output,
    String model,
    Usage usage,
    Instant startedAt,
    Instant finishedAt) {

  /** What a checkpoint records. */
  public enum Kind {
    STEP("step"),
    MODEL("model"),
    TOOL("tool");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static Kind fromWire(String value) {
      for (Kind kind : values()) {
        if (kind.wire.equals(value)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown checkpoint kind: " + value);
    }
  }

  /** A top-level step with no calls recorded inside it. */
  public static Checkpoint step(
      int seq,
      String name,
      int attempt,
      JsonNode output,
      String model,
      Usage usage,
      Instant startedAt,
      Instant finishedAt) {
    return new Checkpoint(
        seq, name, Kind.STEP, null, seq + 1, attempt, output, model, usage, startedAt, finishedAt);
  }

  public Duration duration() {
    return Duration.between(startedAt, finishedAt);
  }

  /** True for work done directly by the agent, not inside a step. */
  public boolean topLevel() {
    return parentSeq == null;
  }
}
