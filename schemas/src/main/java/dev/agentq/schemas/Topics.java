package dev.agentq.schemas;

import java.util.Arrays;
import java.util.List;

/**
 * Kafka topic names. Storage and code speak of logical topics ({@code jobs.interactive}); a
 * deployment adds its prefix ({@code agentq.} by default), so that tests and tenants of one cluster
 * can stay apart.
 *
 * @param prefix prepended to every logical topic
 */
public record Topics(String prefix) {
  public static final String DEFAULT_PREFIX = "agentq.";

  /** Logical topic of dead letters: jobs failed for good and messages that could not be read. */
  public static final String DEAD_LETTERS = "jobs.dlq";

  /** The full name of a logical topic. */
  public String name(String logical) {
    return prefix + logical;
  }

  public String lane(Lane lane) {
    return name(lane.topic());
  }

  public String deadLetters() {
    return name(DEAD_LETTERS);
  }

  /** Every lane's topic, which workers consume. */
  public List<String> lanes() {
    return Arrays.stream(Lane.values()).map(this::lane).toList();
  }
}
