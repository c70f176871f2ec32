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
import java.util.Arrays;
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
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    try {
      return jdbi.inTransaction(
          handle -> {
            if (submission.idempotencyKey() != null) {
              Submitted earlier = claimKey(handle, submission, now.minus(keyLifetime), now);
              if (earlier != null) {
                return earlier;
              }
            }
            Job job =
                insert(handle, submission, now)
                    .orElseThrow(() -> new QueueFull(submission.maxQueuedJobs()));
            return new Submitted.Accepted(job);
          });
    } catch (QueueFull full) {
      return new Submitted.QueueFull(full.limit);
    }
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

  private static java.util.Optional<Job> insert(Handle handle, Submission submission, Instant now) {
    NewJob job = submission.job();
    var queued = Json.object().put("agent", job.agent());
    if (submission.requestId() != null) {
      queued.put("request_id", submission.requestId());
    }
    var dispatch =
        DispatchMessage.of(job.id(), job.tenantId(), job.agent(), job.lane())
            .withRequestId(submission.requestId());
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

  /** Rolls the transaction back: the tenant has too many jobs waiting. */
  private static final class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int limit;

    QueueFull(int limit) {
      super("queue full", null, false, false);
      this.limit = limit;
    }
  }
}
