package dev.agentq.store;

import java.time.Duration;
import java.util.List;

/**
 * Submissions: a job, its {@code job.queued} event, its dispatch message and its idempotency key,
 * in one transaction, within the tenant's cap on waiting jobs.
 */
public interface SubmissionStore {

  /**
   * Stores the submission unless its idempotency key was used within {@code keyLifetime}; two
   * concurrent submissions with one key store one job, and the second answers {@link
   * Submitted.Replayed} or {@link Submitted.KeyReused}. The cap on waiting jobs is counted at
   * submission, so concurrent submissions may overshoot it by a few.
   */
  Submitted submit(Submission submission, Duration keyLifetime);

  /** Many submissions in one transaction (group commit), each answered on its own. */
  List<Submitted> submitAll(List<Submission> submissions, Duration keyLifetime);
}
