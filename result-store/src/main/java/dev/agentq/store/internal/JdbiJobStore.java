package dev.agentq.store.internal;

import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Topics;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.JobPage;
import dev.agentq.store.JobQuery;
import dev.agentq.store.JobStore;
import dev.agentq.store.LeaseLostException;
import dev.agentq.store.NewJob;
import dev.agentq.store.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    Instant now = now();
    return jdbi.inTransaction(
        handle -> {
          handle
              .attach(JobDao.class)
              .insert(
                  job.id(),
                  job.tenantId(),
                  job.agent(),
                  job.lane().wire(),
                  job.input(),
                  job.threadId(),
                  job.webhookUrl(),
                  Json.toTree(job.metadata()),
                  job.maxAttempts(),
                  now);
          handle
              .attach(EventDao.class)
              .insert(job.id(), JobEvent.QUEUED, Json.object().put("agent", job.agent()), now);
          Job stored = handle.attach(JobDao.class).find(job.id()).orElseThrow();
          dispatch(handle, List.of(stored), now);
          return stored;
        });
  }

  @Override
  public Optional<Job> find(String tenantId, UUID jobId) {
    return find(jobId).filter(job -> job.tenantId().equals(tenantId));
  }

  @Override
  public Optional<Job> find(UUID jobId) {
    return jdbi.withExtension(JobDao.class, dao -> dao.find(jobId));
  }

  @Override
  public List<Job> claim(Collection<UUID> jobIds, String owner, Duration lease) {
    if (jobIds.isEmpty()) {
      return List.of();
    }
    Instant now = now();
    return jdbi.inTransaction(
        handle ->
            handle
                .attach(JobDao.class)
                .claim(jobIds.toArray(UUID[]::new), owner, now.plus(lease), now));
  }

  @Override
  public Set<UUID> heartbeat(Map<UUID, Integer> held, String owner, Duration lease) {
    if (held.isEmpty()) {
      return Set.of();
    }
    UUID[] ids = held.keySet().toArray(UUID[]::new);
    int[] attempts = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      attempts[i] = held.get(ids[i]);
    }
    Instant expires = now().plus(lease);
    return new HashSet<>(
        jdbi.withExtension(JobDao.class, dao -> dao.heartbeat(ids, attempts, owner, expires)));
  }

  @Override
  public Set<UUID> existing(Collection<UUID> jobIds) {
    if (jobIds.isEmpty()) {
      return Set.of();
    }
    UUID[] ids = jobIds.toArray(UUID[]::new);
    return new HashSet<>(jdbi.withExtension(JobDao.class, dao -> dao.existing(ids)));
  }

  @Override
  public List<Checkpoint> checkpoints(UUID jobId) {
    return jdbi.withExtension(StepDao.class, dao -> dao.list(jobId));
  }

  @Override
  public int countCheckpoints(UUID jobId) {
    return jdbi.withExtension(StepDao.class, dao -> dao.count(jobId));
  }

  @Override
  public void recordStep(UUID jobId, int attempt, Checkpoint checkpoint) {
    JsonNode event =
        Json.object()
            .put("seq", checkpoint.seq())
            .put("name", checkpoint.name())
            .put("attempt", attempt)
            .put("duration_ms", checkpoint.duration().toMillis());
    int inserted =
        jdbi.inTransaction(
            handle ->
                handle
                    .attach(StepDao.class)
                    .insertFenced(
                        jobId,
                        attempt,
                        checkpoint.seq(),
                        checkpoint.name(),
                        checkpoint.output(),
                        checkpoint.model(),
                        checkpoint.usage().inputTokens(),
                        checkpoint.usage().outputTokens(),
                        checkpoint.startedAt(),
                        checkpoint.finishedAt(),
                        event));
    if (inserted == 0) {
      throw new LeaseLostException(
          jobId, attempt, "the checkpoint of step '" + checkpoint.name() + "'");
    }
  }

  @Override
  public Job finish(UUID jobId, int attempt, Outcome outcome) {
    Instant now = now();
    JsonNode output = null;
    JsonNode error = null;
    String model = null;
    String eventType;
    JsonNode eventData = Json.object().put("attempt", attempt);
    switch (outcome) {
      case Outcome.Succeeded succeeded -> {
        output = succeeded.output();
        model = succeeded.model();
        eventType = JobEvent.SUCCEEDED;
      }
      case Outcome.Failed failed -> {
        error = Json.toTree(failed.error());
        eventType = JobEvent.FAILED;
        ((tools.jackson.databind.node.ObjectNode) eventData).set("error", error);
      }
    }
    JsonNode finalOutput = output;
    JsonNode finalError = error;
    String finalModel = model;
    return jdbi.inTransaction(
        handle -> {
          Job done =
              handle
                  .attach(JobDao.class)
                  .finish(
                      jobId,
                      attempt,
                      outcome.state().wire(),
                      finalOutput,
                      finalError,
                      finalModel,
                      eventType,
                      eventData,
                      now)
                  .orElseThrow(() -> new LeaseLostException(jobId, attempt, "ending the job"));
          if (outcome instanceof Outcome.Failed) {
            deadLetters(handle, List.of(done), now);
          }
          return done;
        });
  }

  @Override
  public boolean release(UUID jobId, int attempt, String reason) {
    Instant now = now();
    return jdbi.inTransaction(
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
  public ReapResult reapExpiredLeases(int limit) {
    Instant now = now();
    return jdbi.inTransaction(
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
          return new ReapResult(requeued.size(), failed.size());
        });
  }

  @Override
  public int redispatchStale(Duration timeout, int limit) {
    Instant now = now();
    return jdbi.inTransaction(
        handle -> {
          List<Job> stale =
              handle.attach(JobDao.class).touchStaleQueued(now.minus(timeout), now, limit);
          dispatch(handle, stale, now);
          return stale.size();
        });
  }

  @Override
  public List<JobEvent> events(UUID jobId, long afterId, int limit) {
    return jdbi.withExtension(EventDao.class, dao -> dao.after(jobId, afterId, limit));
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
