package dev.agentq.store;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.Lane;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/** Jobs, their checkpoints and their events. Each method is one transaction. */
public interface JobStore {

  /**
   * Stores a queued job, its {@code job.queued} event and its dispatch message in the outbox.
   *
   * @throws ThreadBusyException if the job asked to be refused while its thread is busy, and it is
   */
  Job submit(NewJob job);

  /**
   * Submits many jobs in one transaction (group commit); each item fails on its own, with a {@link
   * ThreadBusyException}, without failing the rest.
   */
  List<Attempted<Job>> submitAll(List<NewJob> jobs);

  /** The job, if it exists and belongs to {@code tenantId}. */
  Optional<Job> find(String tenantId, UUID jobId);

  /** The job whatever its tenant; for workers, which are trusted with every tenant's jobs. */
  Optional<Job> find(UUID jobId);

  /** Those of {@code jobIds} that exist, whatever their state. */
  Set<UUID> existing(Collection<UUID> jobIds);

  /**
   * Claims those of {@code jobIds} that are queued: each gets a new attempt number and a lease held
   * by {@code owner} for {@code lease}. Jobs running, waiting or finished are skipped, so a
   * duplicate dispatch message claims nothing; so is a job whose conversation thread has an older
   * job not yet ended (it is dispatched again when that one ends).
   */
  List<Job> claim(Collection<UUID> jobIds, String owner, Duration lease);

  /**
   * Extends the leases of the given jobs (job id → attempt held); a job missing from {@link
   * Heartbeat#renewed()} has been lost to another attempt or has ended.
   */
  Heartbeat heartbeat(Map<UUID, Integer> held, String owner, Duration lease);

  /** The job's checkpoints in order: steps, and the model and tool calls made through it. */
  List<Checkpoint> checkpoints(UUID jobId);

  /** How many top-level steps the job has finished. */
  int countCheckpoints(UUID jobId);

  /** Jobs queued (waiting for a worker) per lane, every tenant's; lanes with none are left out. */
  Map<Lane, Long> queuedByLane();

  /**
   * Records a checkpoint, and for a top-level step its {@code step.completed} event.
   *
   * @throws LeaseLostException if {@code attempt} no longer holds the job
   */
  void recordStep(UUID jobId, int attempt, Checkpoint checkpoint);

  /**
   * Records a checkpoint without waiting: the future completes once it is committed, or fails (with
   * a {@link LeaseLostException} if fenced off). Stores that group-commit send it with the next
   * batch; others write it at once.
   */
  default CompletableFuture<Void> recordStepLater(UUID jobId, int attempt, Checkpoint checkpoint) {
    try {
      recordStep(jobId, attempt, checkpoint);
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * Records many checkpoints of many jobs in one transaction (group commit) and returns those
   * refused because their attempt no longer holds its job.
   */
  List<StepWrite> recordSteps(List<StepWrite> writes);

  /**
   * Ends the job as {@code outcome} says, with its final event, releasing the lease. A failed job
   * also gets a dead letter; the next queued job of its thread, if any, is dispatched.
   *
   * @throws LeaseLostException if {@code attempt} no longer holds the job
   */
  Job finish(UUID jobId, int attempt, Outcome outcome);

  /**
   * Ends many jobs in one transaction (group commit); a fenced-off item fails on its own, with a
   * {@link LeaseLostException}, without failing the rest.
   */
  List<Attempted<Job>> finishAll(List<Finish> finishes);

  /**
   * Puts a job that failed in a way worth retrying into {@code retry_wait} until {@code retryAt},
   * keeping its checkpoints. Returns false if the attempt no longer held the job.
   */
  boolean retryLater(UUID jobId, int attempt, ErrorInfo error, Instant retryAt);

  /**
   * Gives up the lease of a job this worker will not finish (it is shutting down, say) and
   * dispatches it again at once, so that another worker resumes it from its last checkpoint.
   * Returns false if the attempt no longer held the job.
   *
   * @param reason why, recorded in the job's {@code job.retrying} event
   */
  boolean release(UUID jobId, int attempt, String reason);

  /**
   * Cancels a job of {@code tenantId}: a waiting job at once; a running one is flagged, and its
   * worker (told by a notification) stops it at its next step boundary. A job that has ended is
   * left as it is. Returns the job as it is afterwards, or empty if there is no such job.
   */
  Optional<Job> requestCancel(String tenantId, UUID jobId);

  /**
   * Finds jobs whose lease has expired: each is dispatched again, or failed with a dead letter once
   * it has used its attempts. At most {@code limit} jobs per call.
   */
  ReapResult reapExpiredLeases(int limit);

  /** Queues again, and dispatches, jobs whose retry is due. Returns how many. */
  int dispatchDueRetries(int limit);

  /**
   * Dispatches again jobs queued for longer than {@code timeout} with no message waiting in the
   * outbox, in case Kafka lost theirs. Returns how many.
   */
  int redispatchStale(Duration timeout, int limit);

  /** The job's events after {@code afterId}, oldest first. */
  List<JobEvent> events(UUID jobId, long afterId, int limit);

  /** The messages of a conversation, as its last successful job left them. */
  Optional<JsonNode> conversation(String tenantId, String threadId);

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
