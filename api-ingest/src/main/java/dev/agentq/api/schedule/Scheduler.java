package dev.agentq.api.schedule;

import dev.agentq.store.StoreException;
import dev.agentq.store.schedule.ScheduleRun;
import dev.agentq.store.schedule.ScheduleStore;
import dev.agentq.store.schedule.TickTakenException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs due schedule ticks. Every API instance may run one: each tick is claimed in Postgres ({@code
 * FOR UPDATE SKIP LOCKED}, then a write fenced by the tick read) in the transaction that creates
 * its job and records its run, so it runs once however many schedulers poll.
 */
public final class Scheduler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

  private final ScheduleStore store;
  private final Planner planner;
  private final Clock clock;
  private final Runnable onCreated;
  private ScheduledExecutorService poller;

  /**
   * @param onCreated called after runs were made, to publish their jobs without waiting a poll
   */
  public Scheduler(ScheduleStore store, Planner planner, Clock clock, Runnable onCreated) {
    this.store = store;
    this.planner = planner;
    this.clock = clock;
    this.onCreated = onCreated;
  }

  /** Polls every {@code interval} on a thread of its own until {@link #close()}. */
  public Scheduler start(Duration interval) {
    poller =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("agentq-scheduler").factory());
    poller.scheduleWithFixedDelay(
        this::runDue, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  /** Runs every tick due now that no other scheduler holds; returns how many runs it recorded. */
  public int runDue() {
    int runs = 0;
    try {
      while (true) {
        Instant now = clock.instant();
        Optional<ScheduleRun> run;
        try {
          run =
              store.fireNext(
                  now,
                  schedule -> {
                    MDC.put("tenant", schedule.tenantId());
                    MDC.put("schedule_id", schedule.id().toString());
                    return planner.plan(schedule, now);
                  });
        } catch (TickTakenException e) {
          log.debug("{}", e.getMessage());
          continue;
        }
        if (run.isEmpty()) {
          break;
        }
        runs++;
        ScheduleRun made = run.get();
        if (made.jobId() != null) {
          MDC.put("job_id", made.jobId().toString());
        }
        log.info(
            "schedule {} ran its tick {}{}: {}{}",
            made.scheduleId(),
            made.scheduledFor(),
            made.catchUp() ? " (a catch-up run for the ticks missed)" : "",
            made.outcome(),
            made.detail() == null ? "" : ", " + made.detail());
        MDC.remove("job_id");
      }
    } catch (StoreException e) {
      log.warn("schedules could not be run; will try again at the next poll: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("schedules could not be run; will try again at the next poll", e);
    } finally {
      MDC.remove("tenant");
      MDC.remove("schedule_id");
      MDC.remove("job_id");
    }
    if (runs > 0) {
      onCreated.run();
    }
    return runs;
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.shutdownNow();
      try {
        poller.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
