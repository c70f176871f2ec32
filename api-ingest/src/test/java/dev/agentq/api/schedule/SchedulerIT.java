package dev.agentq.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.api.job.JobIds;
import dev.agentq.api.support.Infra;
import dev.agentq.schemas.Json;
import dev.agentq.store.Job;
import dev.agentq.store.StoreMigrations;
import dev.agentq.store.Stores;
import dev.agentq.store.schedule.NewSchedule;
import dev.agentq.store.schedule.Schedule;
import dev.agentq.store.schedule.ScheduleRun;
import dev.agentq.store.schedule.ScheduleStore;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.time.MutableClock;
import java.io.Reader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schedulers over real Postgres, each on a connection pool of its own as separate API instances
 * would be, with one controllable clock: every tick runs exactly once however many schedulers poll;
 * late ticks follow the missed-tick policy; paused schedules make no runs.
 */
class SchedulerIT {
  private static final Instant START = Instant.parse("2026-01-10T00:00:30Z");
  private static final Duration MISSED_AFTER = Duration.ofMinutes(1);

  private final MutableClock clock = new MutableClock(START);
  private final List<HikariDataSource> pools = new ArrayList<>();
  private TestDatabase db;
  private ScheduleStore schedules;
  private Stores stores;
  private final AtomicInteger maxQueued = new AtomicInteger(10_000);

  @BeforeEach
  void database() {
    db = TestPostgres.newSchema();
    HikariDataSource first = pool();
    StoreMigrations.migrate(first);
    stores = Stores.postgres(first, clock);
    stores.tenants().ensure("acme", "Acme");
    schedules = Stores.schedules(pool(), clock);
  }

  @AfterEach
  void close() {
    stores.close();
    pools.forEach(HikariDataSource::close);
  }

  private HikariDataSource pool() {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(db.jdbcUrl());
    pool.setMaximumPoolSize(4);
    pools.add(pool);
    return pool;
  }

  /** A scheduler as one API instance has it: its own pool, the shared clock. */
  private Scheduler scheduler() {
    ScheduleStore store = Stores.schedules(pool(), clock);
    Planner planner =
        new Planner(
            new JobIds(clock),
            MISSED_AFTER,
            3,
            tenant -> maxQueued.get(),
            new DocumentsDirectory(null),
            new BatchSubmitter() {
              @Override
              public UUID submit(String tenant, Reader jsonl, Map<String, String> metadata) {
                throw new IllegalStateException("no batches here");
              }

              @Override
              public Optional<Made> find(String tenant, Map<String, String> tags) {
                return Optional.empty();
              }
            },
            store);
    return new Scheduler(store, planner, clock, () -> {});
  }

  private Schedule jobSchedule(String cron, String zone) {
    CronSchedule parsed = CronSchedule.parse(cron, ZoneId.of(zone));
    ObjectNode template = Json.object();
    template
        .putObject("job")
        .put("agent", "document-digest")
        .set("input", Json.object().put("document", "nightly report"));
    return schedules.create(
        new NewSchedule(
            UUID.randomUUID(),
            "acme",
            null,
            cron,
            zone,
            template,
            parsed.nextAfter(clock.instant()).orElseThrow()));
  }

  private long count(String sql, Object... parameters) {
    return Infra.count(db, sql, parameters);
  }

  @Test
  void twoSchedulersRunEveryTickOfEveryScheduleOnce() throws Exception {
    List<Schedule> made = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      made.add(jobSchedule("* * * * *", "UTC"));
    }
    Scheduler one = scheduler();
    Scheduler two = scheduler();
    int ticks = 12;
    int runs = 0;
    for (int tick = 1; tick <= ticks; tick++) {
      clock.set(START.plus(Duration.ofSeconds(30)).plus(Duration.ofMinutes(tick - 1)));
      CyclicBarrier together = new CyclicBarrier(2);
      CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> after(together, one));
      CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> after(together, two));
      runs += first.get() + second.get();
    }

    assertThat(runs).isEqualTo(5 * ticks);
    assertThat(count("SELECT count(*) FROM schedule_runs")).isEqualTo(5L * ticks);
    assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(5L * ticks);
    assertThat(count("SELECT count(*) FROM outbox")).isEqualTo(5L * ticks);
    assertThat(count("SELECT count(*) FROM schedule_runs WHERE catch_up")).isZero();
    for (Schedule schedule : made) {
      List<ScheduleRun> history = schedules.runs(schedule.id(), 100);
      assertThat(history).hasSize(ticks);
      assertThat(history.stream().map(ScheduleRun::scheduledFor).distinct()).hasSize(ticks);
      assertThat(history.getLast().scheduledFor()).isEqualTo(Instant.parse("2026-01-10T00:01:00Z"));
      Job job = stores.jobs().find("acme", history.getFirst().jobId()).orElseThrow();
      assertThat(job.metadata()).containsEntry(Planner.SCHEDULE_KEY, schedule.id().toString());
      assertThat(schedules.find("acme", schedule.id()).orElseThrow().nextRunAt())
          .isEqualTo(Instant.parse("2026-01-10T00:13:00Z"));
    }
  }

  private static int after(CyclicBarrier barrier, Scheduler scheduler) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return scheduler.runDue();
  }

  @Test
  void aTickLateByLessThanMissedAfterRunsAsUsual() {
    Schedule hourly = jobSchedule("0 * * * *", "UTC");
    clock.set(Instant.parse("2026-01-10T01:00:40Z"));

    assertThat(scheduler().runDue()).isEqualTo(1);

    ScheduleRun run = schedules.runs(hourly.id(), 10).getFirst();
    assertThat(run.catchUp()).isFalse();
    assertThat(run.scheduledFor()).isEqualTo(Instant.parse("2026-01-10T01:00:00Z"));
    assertThat(schedules.find("acme", hourly.id()).orElseThrow().nextRunAt())
        .isEqualTo(Instant.parse("2026-01-10T02:00:00Z"));
  }

  @Test
  void afterALongOutageOneCatchUpRunThenTheNormalCadence() {
    Schedule hourly = jobSchedule("0 * * * *", "UTC");
    Scheduler scheduler = scheduler();
    clock.set(Instant.parse("2026-01-10T05:20:00Z"));

    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(scheduler.runDue()).isZero();

    ScheduleRun run = schedules.runs(hourly.id(), 10).getFirst();
    assertThat(run.catchUp()).isTrue();
    assertThat(run.scheduledFor()).isEqualTo(Instant.parse("2026-01-10T01:00:00Z"));
    assertThat(run.jobId()).isNotNull();
    assertThat(schedules.find("acme", hourly.id()).orElseThrow().nextRunAt())
        .isEqualTo(Instant.parse("2026-01-10T06:00:00Z"));

    clock.set(Instant.parse("2026-01-10T06:00:01Z"));
    assertThat(scheduler.runDue()).isEqualTo(1);
    assertThat(schedules.runs(hourly.id(), 10)).hasSize(2);
    assertThat(schedules.runs(hourly.id(), 10).getFirst().catchUp()).isFalse();
  }

  @Test
  void aPausedScheduleMakesNoRunsAndResumesFromTheNextTick() {
    Schedule hourly = jobSchedule("0 * * * *", "UTC");
    Scheduler scheduler = scheduler();
    assertThat(schedules.pause("acme", hourly.id()).orElseThrow().nextRunAt()).isNull();
    clock.set(Instant.parse("2026-01-10T05:20:00Z"));

    assertThat(scheduler.runDue()).isZero();

    Instant next =
        CronSchedule.parse("0 * * * *", ZoneId.of("UTC")).nextAfter(clock.instant()).orElseThrow();
    Schedule resumed = schedules.resume("acme", hourly.id(), next).orElseThrow();
    assertThat(resumed.paused()).isFalse();
    assertThat(resumed.nextRunAt()).isEqualTo(Instant.parse("2026-01-10T06:00:00Z"));
    assertThat(scheduler.runDue()).isZero();
    assertThat(count("SELECT count(*) FROM schedule_runs")).isZero();
  }

  @Test
  void aFullQueueSkipsTheRunAndKeepsTheCadence() {
    Schedule hourly = jobSchedule("0 * * * *", "UTC");
    maxQueued.set(0);
    clock.set(Instant.parse("2026-01-10T01:00:01Z"));

    assertThat(scheduler().runDue()).isEqualTo(1);

    ScheduleRun run = schedules.runs(hourly.id(), 10).getFirst();
    assertThat(run.outcome()).isEqualTo(ScheduleRun.SKIPPED);
    assertThat(run.detail()).contains("jobs waiting");
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
    assertThat(schedules.find("acme", hourly.id()).orElseThrow().nextRunAt())
        .isEqualTo(Instant.parse("2026-01-10T02:00:00Z"));
  }

  @Test
  void aDeletedScheduleTakesItsRunsButNotItsJobs() {
    Schedule hourly = jobSchedule("0 * * * *", "UTC");
    clock.set(Instant.parse("2026-01-10T01:00:01Z"));
    scheduler().runDue();

    assertThat(schedules.delete("globex", hourly.id())).isFalse();
    assertThat(schedules.delete("acme", hourly.id())).isTrue();

    assertThat(count("SELECT count(*) FROM schedule_runs")).isZero();
    assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(1);
    assertThat(schedules.find("acme", hourly.id())).isEmpty();
  }
}
