package dev.agentq.store.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One page of a tenant's schedules, newest first, and whether older ones follow. */
public record SchedulePage(List<Schedule> schedules, boolean hasMore) {
  public SchedulePage {
    schedules = List.copyOf(schedules);
  }

  /** A schedule's place in the order, to continue after. */
  public record Position(Instant createdAt, UUID id) {}
}
