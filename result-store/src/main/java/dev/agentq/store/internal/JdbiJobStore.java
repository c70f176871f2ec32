package dev.agentq.store.internal;

import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Topics;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Attempted;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Finish;
import dev.agentq.store.Heartbeat;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.JobPage;
import dev.agentq.store.JobQuery;
import dev.agentq.store.JobStore;
import dev.agentq.store.LeaseLostException;
import dev.agentq.store.NewJob;
import dev.agentq.store.Outcome;
import dev.agentq.store.StepWrite;
import dev.agentq.store.ThreadBusyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link JobStore} on Postgres through Jdbi. */
public final class JdbiJobStore implements JobStore {
  private static final ErrorInfo LEASE_EXPIRED =
      new ErrorInfo(
          "lease_expired",
          "the job's worker stopped renewing its lease on every allowed attempt (it crashed or hung)",
          true,
          null);

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiJobStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private Instant now() {
    // Postgres keeps microseconds; truncating here makes what we return equal what we stored.
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Job submit(NewJob job) {
    return submitAll(List.of(job)).getFirst().orThrow();
  }

  @Override
  public List<Attempted<Job>> submitAll(List<NewJob> newJobs) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          JobDao jobs = handle.attach(JobDao.class);
          List<Attempted<Job>> results = new ArrayList<>(newJobs.size());
          List<NewJob> accepted = new ArrayList<>(newJobs.size());
          for (NewJob job : newJobs) {
            if (job.rejectIfThreadBusy()
                && job.threadId() != null
                && jobs.lockThreadAndCheckBusy(job.tenantId(), job.threadId())) {
              results.add(Attempted.failed(new ThreadBusyException(job.threadId())));
            } else {
              accepted.add(job);
              results.add(Attempted.of(queued(job, now)));
            }
          }
          if (!accepted.isEmpty()) {
            jobs.insertAll(
                column(accepted, NewJob::id),
                column(accepted, NewJob::tenantId),
                column(accepted, NewJob::agent),
                column(accepted, job -> job.lane().wire()),
                column(accepted, NewJob::input),
                column(accepted, NewJob::threadId),
                column(accepted, NewJob::webhookUrl),
                column(accepted, job -> Json.toTree(job.metadata())),
                column(accepted, NewJob::maxAttempts),
                now);
            handle
                .attach(EventDao.class)
                .insertAll(
                    column(accepted, NewJob::id),
                    JobEvent.QUEUED,
                    column(accepted, job -> (JsonNode) Json.object().put("agent", job.agent())),
                    now);
            dispatch(
                handle,
                results.stream()
                    .filter(result -> result.error() == null)
                    .map(Attempted::value)
                    .toList(),
                now);
          }
          return results;
        });
  }

  /** The row {@code jobs} holds for a job just submitted, without reading it back. */
  private static Job queued(NewJob job, Instant now) {
    return new Job(
        job.id(),
        job.tenantId(),
        job.agent(),
        job.lane(),
        JobState.QUEUED,
        job.input(),
        job.threadId(),
        job.webhookUrl(),
        job.metadata(),
        0,
        job.maxAttempts(),
        null,
        null,
        null,
        null,
        null,
        Usage.NONE,
        now,
        now,
        null,
        null,
        null,
        null);
  }

  @Override
  public Optional<Job> find(String tenantId, UUID jobId) {
    return find(jobId).filter(job -> job.tenantId().equals(tenantId));
  }

  @Override
  public Optional<Job> find(UUID jobId) {
    return Sql.withExtension(jdbi, JobDao.class, dao -> dao.find(jobId));
  }

  @Override
  public Set<UUID> existing(Collection<UUID> jobIds) {
    if (jobIds.isEmpty()) {
      return Set.of();
    }
    UUID[] ids = jobIds.toArray(UUID[]::new);
    return new HashSet<>(Sql.withExtension(jdbi, JobDao.class, dao -> dao.existing(ids)));
  }

  @Override
  public List<Job> claim(Collection<UUID> jobIds, String owner, Duration lease) {
    if (jobIds.isEmpty()) {
      return List.of();
    }
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle ->
            handle
                .attach(JobDao.class)
                .claim(jobIds.toArray(UUID[]::new), owner, now.plus(lease), now));
  }

  @Override
  public Heartbeat heartbeat(Map<UUID, Integer> held, String owner, Duration lease) {
    if (held.isEmpty()) {
      return new Heartbeat(Set.of(), Set.of(), Set.of());
    }
    UUID[] ids = held.keySet().toArray(UUID[]::new);
    int[] attempts = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      attempts[i] = held.get(ids[i]);
    }
    Instant expires = now().plus(lease);
    return Sql.inTransaction(
        jdbi,
        handle -> {
          JobDao dao = handle.attach(JobDao.class);
          Set<UUID> renewed = new HashSet<>();
          Set<UUID> cancelRequested = new HashSet<>();
          for (HeldLease leaseHeld : dao.heartbeat(ids, attempts, owner, expires)) {
            renewed.add(leaseHeld.id());
            if (leaseHeld.cancelRequested()) {
              cancelRequested.add(leaseHeld.id());
            }
          }
          Set<UUID> lost = new HashSet<>(dao.lost(ids, attempts, owner));
          return new Heartbeat(renewed, lost, cancelRequested);
        });
  }

  @Override
  public List<Checkpoint> checkpoints(UUID jobId) {
    return Sql.withExtension(jdbi, StepDao.class, dao -> dao.list(jobId));
  }

  @Override
  public int countCheckpoints(UUID jobId) {
    return Sql.withExtension(jdbi, StepDao.class, dao -> dao.countTopLevelSteps(jobId));
  }

  @Override
  public void recordStep(UUID jobId, int attempt, Checkpoint checkpoint) {
    if (!recordSteps(List.of(new StepWrite(jobId, attempt, checkpoint))).isEmpty()) {
      throw new LeaseLostException(jobId, attempt, "the checkpoint of '" + checkpoint.name() + "'");
    }
  }

  @Override
  public List<StepWrite> recordSteps(List<StepWrite> unordered) {
    if (unordered.isEmpty()) {
      return List.of();
    }
    // Rows are locked in one order by every batch, so concurrent batches never deadlock.
    List<StepWrite> writes = new ArrayList<>(unordered);
    writes.sort(
        java.util.Comparator.comparing(StepWrite::jobId)
            .thenComparingInt(write -> write.checkpoint().seq()));
    Instant now = now();
    int[] inserted =
        Sql.inTransaction(
            jdbi,
            handle -> {
              int[] counts =
                  handle
                      .attach(StepDao.class)
                      .insertFenced(
                          column(writes, w -> w.jobId()),
                          column(writes, w -> w.attempt()),
                          column(writes, w -> w.checkpoint().seq()),
                          column(writes, w -> w.checkpoint().name()),
                          column(writes, w -> w.checkpoint().kind().wire()),
                          column(writes, w -> w.checkpoint().parentSeq()),
                          column(writes, w -> w.checkpoint().endSeq()),
                          column(writes, w -> w.checkpoint().output()),
                          column(writes, w -> w.checkpoint().model()),
                          column(writes, w -> w.checkpoint().usage().inputTokens()),
                          column(writes, w -> w.checkpoint().usage().outputTokens()),
                          column(writes, w -> w.checkpoint().startedAt()),
                          column(writes, w -> w.checkpoint().finishedAt()),
                          column(writes, JdbiJobStore::stepEvent));
              List<UUID> progressed = new ArrayList<>();
              List<String> steps = new ArrayList<>();
              for (int i = 0; i < counts.length; i++) {
                Checkpoint checkpoint = writes.get(i).checkpoint();
                if (counts[i] > 0
                    && checkpoint.kind() == Checkpoint.Kind.STEP
                    && checkpoint.topLevel()) {
                  progressed.add(writes.get(i).jobId());
                  steps.add(checkpoint.name());
                }
              }
              JobWebhooks.stepsFinished(handle, progressed, steps, now);
              return counts;
            });
    List<StepWrite> rejected = new ArrayList<>();
    for (int i = 0; i < inserted.length; i++) {
      if (inserted[i] == 0) {
        rejected.add(writes.get(i));
      }
    }
    return rejected;
  }

  private static <R, T> List<T> column(List<R> rows, java.util.function.Function<R, T> field) {
    List<T> values = new ArrayList<>(rows.size());
    rows.forEach(row -> values.add(field.apply(row)));
    return values;
  }

  /** The {@code step.completed} event of a top-level step; calls inside steps have none. */
  private static JsonNode stepEvent(StepWrite write) {
    Checkpoint checkpoint = write.checkpoint();
    if (checkpoint.kind() != Checkpoint.Kind.STEP || !checkpoint.topLevel()) {
      return null;
    }
    return Json.object()
        .put("seq", checkpoint.seq())
        .put("name", checkpoint.name())
        .put("attempt", write.attempt())
        .put("duration_ms", checkpoint.duration().toMillis());
  }

  @Override
  public Job finish(UUID jobId, int attempt, Outcome outcome) {
    return finishAll(List.of(new Finish(jobId, attempt, outcome))).getFirst().orThrow();
  }

  @Override
  public List<Attempted<Job>> finishAll(List<Finish> finishes) {
    Instant now = now();
    // Rows are locked in one order by every batch, so concurrent batches never deadlock.
    Integer[] order = new Integer[finishes.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, java.util.Comparator.comparing(i -> finishes.get(i).jobId()));
    return Sql.inTransaction(
        jdbi,
        handle -> {
          List<Attempted<Job>> results =
              new ArrayList<>(java.util.Collections.nCopies(finishes.size(), null));
          for (int i : order) {
            results.set(i, finishIn(handle, finishes.get(i), now));
          }
          BatchCompletion.jobsEnded(
              handle,
              results.stream().filter(r -> r.error() == null).map(Attempted::value).toList(),
              now);
          return results;
        });
  }

  private static Attempted<Job> finishIn(Handle handle, Finish finish, Instant now) {
    Outcome outcome = finish.outcome();
    ObjectNode eventData = Json.object().put("attempt", finish.attempt());
    JsonNode output = null;
    JsonNode error = null;
    String model = null;
    String eventType;
    switch (outcome) {
      case Outcome.Succeeded succeeded -> {
        output = succeeded.output();
        model = succeeded.model();
        eventType = JobEvent.SUCCEEDED;
      }
      case Outcome.Failed failed -> {
        error = Json.toTree(failed.error());
        eventType = JobEvent.FAILED;
        eventData.set("error", error);
      }
      case Outcome.Cancelled cancelled -> eventType = JobEvent.CANCELLED;
    }
    Optional<Job> ended =
        handle
            .attach(JobDao.class)
            .finish(
                finish.jobId(),
                finish.attempt(),
                outcome.state().wire(),
                output,
                error,
                model,
                eventType,
                eventData,
                now);
    if (ended.isEmpty()) {
      return Attempted.failed(
          new LeaseLostException(finish.jobId(), finish.attempt(), "ending the job"));
    }
    Job done = ended.get();
    if (outcome instanceof Outcome.Failed) {
      deadLetters(handle, List.of(done), now);
    }
    JobWebhooks.jobEnded(handle, done, now);
    if (outcome instanceof Outcome.Succeeded succeeded
        && succeeded.conversation() != null
        && done.threadId() != null) {
      handle
          .attach(ConversationDao.class)
          .save(done.tenantId(), done.threadId(), succeeded.conversation(), done.id(), now);
    }
    dispatchNextInThread(handle, done, now);
    return Attempted.of(done);
  }

  @Override
  public boolean retryLater(UUID jobId, int attempt, ErrorInfo error, Instant retryAt) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          Optional<Job> waiting =
              handle
                  .attach(JobDao.class)
                  .retryLater(jobId, attempt, Json.toTree(error), retryAt, now);
          waiting.ifPresent(
              job -> {
                ObjectNode data =
                    Json.object()
                        .put("reason", "error")
                        .put("attempt", job.attempt())
                        .put("max_attempts", job.maxAttempts())
                        .put("retry_at", retryAt.toString());
                data.set("error", Json.toTree(error));
                handle.attach(EventDao.class).insert(job.id(), JobEvent.RETRYING, data, now);
              });
          return waiting.isPresent();
        });
  }

  @Override
  public boolean release(UUID jobId, int attempt, String reason) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          Optional<Job> released = handle.attach(JobDao.class).release(jobId, attempt, now);
          released.ifPresent(
              job -> {
                retrying(handle, List.of(job), reason, now);
                dispatch(handle, List.of(job), now);
              });
          return released.isPresent();
        });
  }

  @Override
  public Optional<Job> requestCancel(String tenantId, UUID jobId) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          JobDao jobs = handle.attach(JobDao.class);
          EventDao events = handle.attach(EventDao.class);
          Optional<Job> cancelled = jobs.cancelWaiting(tenantId, jobId, now);
          if (cancelled.isPresent()) {
            events.insert(jobId, JobEvent.CANCELLED, Json.object().put("while", "waiting"), now);
            JobWebhooks.jobEnded(handle, cancelled.get(), now);
            dispatchNextInThread(handle, cancelled.get(), now);
            BatchCompletion.jobsEnded(handle, List.of(cancelled.get()), now);
            return cancelled;
          }
          Optional<Job> flagged = jobs.flagCancel(tenantId, jobId, now);
          if (flagged.isPresent()) {
            events.insert(jobId, JobEvent.CANCEL_REQUESTED, Json.object(), now);
            return flagged;
          }
          return jobs.find(jobId).filter(job -> job.tenantId().equals(tenantId));
        });
  }

  @Override
  public ReapResult reapExpiredLeases(int limit) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          JobDao jobs = handle.attach(JobDao.class);
          List<Job> requeued = jobs.requeueExpired(now, limit);
          retrying(handle, requeued, "lease_expired", now);
          dispatch(handle, requeued, now);

          List<Job> failed = jobs.failExpired(Json.toTree(LEASE_EXPIRED), now, limit);
          JsonNode failedEvent = Json.object().set("error", Json.toTree(LEASE_EXPIRED));
          handle
              .attach(EventDao.class)
              .insertAll(
                  failed.stream().map(Job::id).toList(),
                  JobEvent.FAILED,
                  failed.stream().map(job -> failedEvent).toList(),
                  now);
          deadLetters(handle, failed, now);
          failed.forEach(
              job -> {
                JobWebhooks.jobEnded(handle, job, now);
                dispatchNextInThread(handle, job, now);
              });
          BatchCompletion.jobsEnded(handle, failed, now);
          return new ReapResult(requeued.size(), failed.size());
        });
  }

  @Override
  public int dispatchDueRetries(int limit) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          List<Job> due = handle.attach(JobDao.class).queueDueRetries(now, limit);
          dispatch(handle, due, now);
          return due.size();
        });
  }

  @Override
  public int redispatchStale(Duration timeout, int limit) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          List<Job> stale =
              handle.attach(JobDao.class).touchStaleQueued(now.minus(timeout), now, limit);
          dispatch(handle, stale, now);
          return stale.size();
        });
  }

  @Override
  public List<JobEvent> events(UUID jobId, long afterId, int limit) {
    return Sql.withExtension(jdbi, EventDao.class, dao -> dao.after(jobId, afterId, limit));
  }

  @Override
  public Optional<JsonNode> conversation(String tenantId, String threadId) {
    return Sql.withExtension(jdbi, ConversationDao.class, dao -> dao.messages(tenantId, threadId));
  }

  /** A job of a thread has ended: the thread's next job may run now. */
  private static void dispatchNextInThread(Handle handle, Job ended, Instant now) {
    if (ended.threadId() != null) {
      handle
          .attach(JobDao.class)
          .nextInThread(ended.tenantId(), ended.threadId())
          .ifPresent(next -> dispatch(handle, List.of(next), now));
    }
  }

  @Override
  public JobPage list(String tenantId, JobQuery query) {
    return JobListing.list(jdbi, tenantId, query);
  }

  @Override
  public Optional<Job> retry(String tenantId, UUID jobId, int attempts, String requestId) {
    return JobRetries.retry(jdbi, now(), tenantId, jobId, attempts, requestId);
  }

  private static void dispatch(Handle handle, List<Job> jobs, Instant now) {
    if (jobs.isEmpty()) {
      return;
    }
    handle
        .attach(OutboxDao.class)
        .insertAll(
            jobs.stream().map(job -> job.lane().topic()).toList(),
            jobs.stream().map(job -> job.id().toString()).toList(),
            jobs.stream()
                .map(
                    job ->
                        Json.toTree(
                            DispatchMessage.of(job.id(), job.tenantId(), job.agent(), job.lane())))
                .toList(),
            now);
  }

  private static void retrying(Handle handle, List<Job> jobs, String reason, Instant now) {
    handle
        .attach(EventDao.class)
        .insertAll(
            jobs.stream().map(Job::id).toList(),
            JobEvent.RETRYING,
            jobs.stream()
                .map(
                    job ->
                        (JsonNode)
                            Json.object()
                                .put("reason", reason)
                                .put("attempt", job.attempt())
                                .put("max_attempts", job.maxAttempts()))
                .toList(),
            now);
  }

  private static void deadLetters(Handle handle, List<Job> jobs, Instant now) {
    if (jobs.isEmpty()) {
      return;
    }
    handle
        .attach(OutboxDao.class)
        .insertAll(
            jobs.stream().map(job -> Topics.DEAD_LETTERS).toList(),
            jobs.stream().map(job -> job.id().toString()).toList(),
            jobs.stream().map(JdbiJobStore::deadLetter).toList(),
            now);
  }

  private static JsonNode deadLetter(Job job) {
    var letter = Json.object();
    letter.put("job_id", job.id().toString());
    letter.put("tenant", job.tenantId());
    letter.put("agent", job.agent());
    letter.put("attempts", job.attempt());
    letter.set("error", Json.toTree(job.error()));
    return letter;
  }
}
