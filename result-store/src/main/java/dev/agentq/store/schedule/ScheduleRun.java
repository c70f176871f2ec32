package dev.agentq.store.schedule;

import java.time.Instant;
import java.util.UUID;

/**
 * What one tick of a schedule did.
 *
 * @param scheduledFor the tick
 * @param catchUp whether this is the one run made for ticks missed during an outage
 * @param outcome {@code created} (a job or a batch) or {@code skipped}
 * @param jobId the job it created, or null
 * @param batchId the batch it created, or null
 * @param detail why it was skipped, or null
 */
public record ScheduleRun(
    UUID scheduleId,
    Instant scheduledFor,
    Instant firedAt,
    boolean catchUp,
    String outcome,
    UUID jobId,
    UUID batchId,
    String detail) {
  public static final String CREATED = "created";
  public static final String SKIPPED = "skipped";
}
