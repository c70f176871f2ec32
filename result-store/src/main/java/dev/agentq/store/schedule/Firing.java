package dev.agentq.store.schedule;

import dev.agentq.store.NewJob;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a scheduler decided for a claimed schedule's due tick.
 *
 * @param scheduledFor the tick being run
 * @param catchUp whether it stands for ticks missed during an outage
 * @param nextRunAt the tick after it, strictly later than the one claimed
 * @param launch what the run makes
 */
public record Firing(Instant scheduledFor, boolean catchUp, Instant nextRunAt, Launch launch) {

  /** What a run makes. */
  public sealed interface Launch {}

  /**
   * A job, stored with its dispatch message in the transaction that claims the tick.
   *
   * @param maxQueuedJobs the tenant's cap on waiting jobs; a full queue skips the run
   */
  public record Job(NewJob job, int maxQueuedJobs) implements Launch {}

  /**
   * A batch of {@code files}, already made while the schedule's row was locked; the files are
   * remembered with the run.
   */
  public record Batch(List<SeenFile> files, UUID batchId) implements Launch {
    public Batch {
      files = List.copyOf(files);
    }
  }

  /** Nothing; the run is recorded as skipped with this reason. */
  public record Skip(String detail) implements Launch {}
}
