package dev.agentq.store.internal;

import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.Json;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.NewJob;
import dev.agentq.store.Submission;
import dev.agentq.store.SubmissionStore;
import dev.agentq.store.Submitted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link SubmissionStore} on Postgres: at most two statements and one commit per submission. */
public final class JdbiSubmissionStore implements SubmissionStore {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiSubmissionStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Submitted submit(Submission submission, Duration keyLifetime) {
    return submitAll(List.of(submission), keyLifetime).getFirst();
  }

  /**
   * One transaction for all; a submission refused for a full queue is rolled back to a savepoint,
   * alone, so that its idempotency key is not kept.
   */
  @Override
  public List<Submitted> submitAll(List<Submission> submissions, Duration keyLifetime) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return Sql.inTransaction(
        jdbi,
        handle -> {
          List<Submitted> results = new ArrayList<>(submissions.size());
          for (Submission submission : submissions) {
            results.add(submitIn(handle, submission, now.minus(keyLifetime), now));
          }
          return results;
        });
  }

  private static Submitted submitIn(
      Handle handle, Submission submission, Instant expiredBefore, Instant now) {
    boolean keyed = submission.idempotencyKey() != null;
    if (keyed) {
      handle.savepoint("submission");
      Submitted earlier = claimKey(handle, submission, expiredBefore, now);
      if (earlier != null) {
        return earlier;
      }
    }
    java.util.Optional<Job> job = insert(handle, submission, now);
    if (job.isEmpty()) {
      if (keyed) {
        handle.rollbackToSavepoint("submission");
      }
      return new Submitted.QueueFull(submission.maxQueuedJobs());
    }
    return new Submitted.Accepted(job.get());
  }

  /** Null once the key is ours; else what the earlier submission under it became. */
  private static Submitted claimKey(
      Handle handle, Submission submission, Instant expiredBefore, Instant now) {
    IdempotencyDao keys = handle.attach(IdempotencyDao.class);
    String tenant = submission.job().tenantId();
    if (keys.claim(
        tenant,
        submission.idempotencyKey(),
        submission.requestHash(),
        submission.job().id(),
        now,
        expiredBefore)) {
      return null;
    }
    // The conflicting row is committed: an insert waits for a concurrent one to end.
    IdempotencyDao.Stored stored = keys.find(tenant, submission.idempotencyKey()).orElseThrow();
    if (!Arrays.equals(stored.requestHash(), submission.requestHash())) {
      return new Submitted.KeyReused(stored.jobId());
    }
    return new Submitted.Replayed(handle.attach(JobDao.class).find(stored.jobId()).orElseThrow());
  }

  /** The job, its event and its message in {@code handle}'s transaction; schedules use it too. */
  static java.util.Optional<Job> insert(Handle handle, Submission submission, Instant now) {
    NewJob job = submission.job();
    var queued = Json.object().put("agent", job.agent());
    if (submission.requestId() != null) {
      queued.put("request_id", submission.requestId());
    }
    var dispatch =
        DispatchMessage.of(job.id(), job.tenantId(), job.agent(), job.lane())
            .withRequestId(submission.requestId())
            .withTraceparent(submission.traceparent());
    return handle
        .attach(SubmissionDao.class)
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
            submission.maxQueuedJobs(),
            JobEvent.QUEUED,
            queued,
            job.lane().topic(),
            Json.toTree(dispatch),
            now);
  }
}
