package dev.agentq.store;

import dev.agentq.schemas.JobState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which of a tenant's jobs to list, newest first. Null or empty components do not filter.
 *
 * @param statuses any of these states
 * @param agent this agent only
 * @param createdFrom created at or after
 * @param createdBefore created strictly before
 * @param metadata every one of these metadata pairs
 * @param batchId jobs of this batch only
 * @param after the position to continue from: jobs older than it, or null from the newest
 * @param limit at most this many
 */
public record JobQuery(
    Set<JobState> statuses,
    String agent,
    Instant createdFrom,
    Instant createdBefore,
    Map<String, String> metadata,
    UUID batchId,
    Position after,
    int limit) {

  /** A query of jobs whatever their batch. */
  public JobQuery(
      Set<JobState> statuses,
      String agent,
      Instant createdFrom,
      Instant createdBefore,
      Map<String, String> metadata,
      Position after,
      int limit) {
    this(statuses, agent, createdFrom, createdBefore, metadata, null, after, limit);
  }

  public JobQuery {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }

  /** A job's place in the listing order: creation time, then id, both descending. */
  public record Position(Instant createdAt, UUID id) {}
}
