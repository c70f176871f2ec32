package dev.agentq.store.internal;

import dev.agentq.store.Job;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code JobStore.retry}: a failed job goes back to the queue with its checkpoints kept. Its
 * attempt number never goes back, so that fencing still refuses any worker of an earlier attempt.
 */
final class JobRetries {
  private JobRetries() {}

  static Optional<Job> retry(
      Jdbi jdbi, Instant now, String tenantId, UUID jobId, int attempts, String requestId) {
    return jdbi.inTransaction(
        handle -> {
          Optional<Job> retried =
              handle.attach(RetryDao.class).retry(tenantId, jobId, attempts, requestId, now);
          retried.ifPresent(job -> Dispatches.write(handle, job, requestId, now));
          return retried;
        });
  }
}
