package dev.agentq.store;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Jobs, their checkpoints and their events. Each method is one transaction. */
public interface JobStore {

  /** Stores a queued job, its {@code job.queued} event and its dispatch message in the outbox. */
  Job submit(NewJob job);

  /** The job, if it exists and belongs to {@code tenantId}. */
  Optional<Job> find(String tenantId, UUID jobId);

  /** The job whatever its tenant; for workers, which are trusted with every tenant's jobs. */
  Optional<Job> find(UUID jobId);

  /**
   * Claims those of {@code jobIds} that are waiting to run: each gets a new attempt number and a
   * lease held by {@code owner} for {@code lease}. Jobs already running or finished are skipped, so
   * a duplicate dispatch message claims nothing.
   */
  List<Job> claim(Collection<UUID> jobIds, String owner, Duration lease);

  /**
   * Extends the leases of the given jobs (job id → attempt held) and returns the ids whose lease
   * was extended; a job missing from the answer has been lost to another attempt or has ended.
   */
  Set<UUID> heartbeat(Map<UUID, Integer> held, String owner, Duration lease);

  /** Those of {@code jobIds} that exist, whatever their state. */
  Set<UUID> existing(Collection<UUID> jobIds);

  /** The job's checkpoints in step order. */
  List<Checkpoint> checkpoints(UUID jobId);

  /** How many steps the job has finished. */
  int countCheckpoints(UUID jobId);

  /**
   * Records a finished step, and its {@code step.completed} event, for {@code attempt}.
   *
   * @throws LeaseLostException if {@code attempt} no longer holds the job
   */
  void recordStep(UUID jobId, int attempt, Checkpoint checkpoint);

  /**
   * Ends the job as {@code outcome} says, with its final event, releasing the lease. A failed job
   * also gets a dead letter. A failed job also gets a dead letter.
   *
   * @throws LeaseLostException if {@code attempt} no longer holds the job
   */
  Job finish(UUID jobId, int attempt, Outcome outcome);

  /**
   * Gives up the lease of a job this worker will not finish (it is shutting down, say) and
   * dispatches it again at once, so that another worker resumes it from its last checkpoint.
   * Returns false if the attempt no longer held the job.
   *
   * @param reason why, recorded in the job's {@code job.retrying} event
   */
  boolean release(UUID jobId, int attempt, String reason);

  /**
   * Finds jobs whose lease has expired: each is dispatched again, or failed with a dead letter once
   * it has used its attempts. At most {@code limit} jobs per call.
   */
  ReapResult reapExpiredLeases(int limit);

  /**
   * Dispatches again jobs queued for longer than {@code timeout} with no message waiting in the
   * outbox, in case Kafka lost theirs. Returns how many.
   */
  int redispatchStale(Duration timeout, int limit);

  /** The job's events after {@code afterId}, oldest first. */
  List<JobEvent> events(UUID jobId, long afterId, int limit);

  /** A page of the tenant's jobs that match {@code query}, newest first. */
  JobPage list(String tenantId, JobQuery query);

  /**
   * Puts a failed job of {@code tenantId} back in the queue, to run again from its last checkpoint:
   * its error is cleared, it gets {@code attempts} more attempts, and a {@code job.retrying} event
   * and a dispatch message are written with it. Empty if the tenant has no such failed job.
   *
   * @param requestId the correlation id of the request that asked, recorded in the event
   */
  Optional<Job> retry(String tenantId, UUID jobId, int attempts, String requestId);

  /** What one pass of the lease reaper did. */
  record ReapResult(int redispatched, int failed) {}
}
