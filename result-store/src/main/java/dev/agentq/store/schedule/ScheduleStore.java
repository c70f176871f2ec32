package dev.agentq.store.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Schedules and their runs. Reads and writes that name a tenant see only that tenant's schedules.
 * Each method is one transaction.
 */
public interface ScheduleStore {

  Schedule create(NewSchedule schedule);

  Optional<Schedule> find(String tenantId, UUID id);

  /** The tenant's schedules, newest first, after {@code after} (null: from the newest). */
  SchedulePage list(String tenantId, SchedulePage.Position after, int limit);

  /** Stops its ticks; a paused schedule stays paused. Empty if the tenant has no such schedule. */
  Optional<Schedule> pause(String tenantId, UUID id);

  /**
   * Lets a paused schedule tick again from {@code nextRunAt}; an active one is left as it is. Empty
   * if the tenant has no such schedule.
   */
  Optional<Schedule> resume(String tenantId, UUID id, Instant nextRunAt);

  /** Deletes it with its runs; false if the tenant has no such schedule. */
  boolean delete(String tenantId, UUID id);

  /** Its latest runs, newest tick first. */
  List<ScheduleRun> runs(UUID scheduleId, int limit);

  /** Of these files, the ones the schedule has submitted before with the same size and time. */
  Set<SeenFile> seen(UUID scheduleId, List<SeenFile> files);

  /**
   * Claims one active schedule whose tick is due at {@code now} and that no other transaction holds
   * ({@code FOR UPDATE SKIP LOCKED}), asks {@code plan} what to do, and in the same transaction
   * makes what it says, records the run and moves {@code next_run_at} on, fenced by the tick it
   * read. Empty when nothing is due. A tick is run once, however many schedulers call this.
   */
  Optional<ScheduleRun> fireNext(Instant now, Function<Schedule, Firing> plan);
}
