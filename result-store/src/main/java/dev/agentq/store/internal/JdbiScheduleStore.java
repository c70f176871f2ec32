package dev.agentq.store.internal;

import dev.agentq.store.Job;
import dev.agentq.store.Submission;
import dev.agentq.store.schedule.Firing;
import dev.agentq.store.schedule.NewSchedule;
import dev.agentq.store.schedule.Schedule;
import dev.agentq.store.schedule.SchedulePage;
import dev.agentq.store.schedule.ScheduleRun;
import dev.agentq.store.schedule.ScheduleStore;
import dev.agentq.store.schedule.SeenFile;
import dev.agentq.store.schedule.TickTakenException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link ScheduleStore} on Postgres. */
public final class JdbiScheduleStore implements ScheduleStore {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiScheduleStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    ScheduleMappers.register(jdbi);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Schedule create(NewSchedule s) {
    Instant now = now();
    return Sql.withExtension(
        jdbi,
        ScheduleDao.class,
        dao ->
            dao.insert(
                s.id(),
                s.tenantId(),
                s.name(),
                s.cron(),
                s.timeZone(),
                s.template(),
                s.nextRunAt().truncatedTo(ChronoUnit.MICROS),
                now));
  }

  @Override
  public Optional<Schedule> find(String tenantId, UUID id) {
    return Sql.withExtension(jdbi, ScheduleDao.class, dao -> dao.find(tenantId, id));
  }

  @Override
  public SchedulePage list(String tenantId, SchedulePage.Position after, int limit) {
    List<Schedule> rows =
        Sql.withExtension(
            jdbi,
            ScheduleDao.class,
            dao ->
                dao.page(
                    tenantId,
                    after == null ? null : after.createdAt(),
                    after == null ? null : after.id(),
                    limit + 1));
    boolean hasMore = rows.size() > limit;
    return new SchedulePage(hasMore ? rows.subList(0, limit) : rows, hasMore);
  }

  @Override
  public Optional<Schedule> pause(String tenantId, UUID id) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi, handle -> handle.attach(ScheduleDao.class).pause(tenantId, id, now));
  }

  @Override
  public Optional<Schedule> resume(String tenantId, UUID id, Instant nextRunAt) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle ->
            handle
                .attach(ScheduleDao.class)
                .resume(tenantId, id, nextRunAt.truncatedTo(ChronoUnit.MICROS), now));
  }

  @Override
  public boolean delete(String tenantId, UUID id) {
    return Sql.inTransaction(jdbi, handle -> handle.attach(ScheduleDao.class).delete(tenantId, id))
        > 0;
  }

  @Override
  public List<ScheduleRun> runs(UUID scheduleId, int limit) {
    return Sql.withExtension(jdbi, ScheduleDao.class, dao -> dao.runs(scheduleId, limit));
  }

  @Override
  public Set<SeenFile> seen(UUID scheduleId, List<SeenFile> files) {
    if (files.isEmpty()) {
      return Set.of();
    }
    List<SeenFile> rows =
        Sql.withExtension(
            jdbi,
            ScheduleDao.class,
            dao -> dao.seen(scheduleId, files.stream().map(SeenFile::path).toArray(String[]::new)));
    Set<SeenFile> asked = new HashSet<>();
    for (SeenFile file : files) {
      asked.add(micros(file));
    }
    Set<SeenFile> seen = new HashSet<>();
    for (SeenFile row : rows) {
      if (asked.contains(row)) {
        seen.add(row);
      }
    }
    // Answer with the caller's own records, whose times may carry nanoseconds.
    Set<SeenFile> answer = new HashSet<>();
    for (SeenFile file : files) {
      if (seen.contains(micros(file))) {
        answer.add(file);
      }
    }
    return answer;
  }

  private static SeenFile micros(SeenFile file) {
    return new SeenFile(file.path(), file.size(), file.modifiedAt().truncatedTo(ChronoUnit.MICROS));
  }

  @Override
  public Optional<ScheduleRun> fireNext(Instant now, Function<Schedule, Firing> plan) {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    return Sql.inTransaction(
        jdbi,
        handle -> {
          ScheduleDao dao = handle.attach(ScheduleDao.class);
          Optional<Schedule> claimed = dao.claimDue(at);
          if (claimed.isEmpty()) {
            return Optional.empty();
          }
          Schedule schedule = claimed.get();
          Firing firing = plan.apply(schedule);
          if (!firing.nextRunAt().isAfter(schedule.nextRunAt())) {
            throw new IllegalArgumentException(
                "the next tick " + firing.nextRunAt() + " is not after " + schedule.nextRunAt());
          }
          if (dao.advance(
                  schedule.id(),
                  schedule.nextRunAt(),
                  firing.nextRunAt().truncatedTo(ChronoUnit.MICROS),
                  at)
              != 1) {
            throw new TickTakenException(schedule.id(), schedule.nextRunAt());
          }
          return Optional.of(launch(handle, dao, schedule, firing, at));
        });
  }

  private static ScheduleRun launch(
      Handle handle, ScheduleDao dao, Schedule schedule, Firing firing, Instant at) {
    UUID jobId = null;
    UUID batchId = null;
    String detail = null;
    switch (firing.launch()) {
      case Firing.Job job -> {
        Optional<Job> stored =
            JdbiSubmissionStore.insert(
                handle,
                new Submission(
                    job.job(), null, null, "schedule-" + schedule.id(), job.maxQueuedJobs()),
                at);
        if (stored.isPresent()) {
          jobId = stored.get().id();
        } else {
          detail = "the tenant already had " + job.maxQueuedJobs() + " jobs waiting, its limit";
        }
      }
      case Firing.Batch batch -> {
        batchId = batch.batchId();
        List<SeenFile> files = batch.files();
        dao.remember(
            schedule.id(),
            files.stream().map(SeenFile::path).toArray(String[]::new),
            files.stream().mapToLong(SeenFile::size).toArray(),
            files.stream()
                .map(f -> OffsetDateTime.ofInstant(micros(f).modifiedAt(), ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new),
            at);
      }
      case Firing.Skip skip -> detail = skip.detail();
    }
    return dao.insertRun(
        schedule.id(),
        firing.scheduledFor(),
        at,
        firing.catchUp(),
        jobId == null && batchId == null ? ScheduleRun.SKIPPED : ScheduleRun.CREATED,
        jobId,
        batchId,
        detail);
  }
}
