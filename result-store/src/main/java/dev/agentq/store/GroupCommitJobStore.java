package dev.agentq.store;

import dev.agentq.store.batch.Batcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * A {@link JobStore} that coalesces the writes of concurrent jobs: submissions, checkpoints and job
 * ends each go through a {@link Batcher}, so that a thousand jobs taking a step at once cost a few
 * commits, not a thousand. Every call still returns only once its write is committed. Reads and the
 * reaper's passes go straight through.
 */
public final class GroupCommitJobStore implements JobStore, AutoCloseable {
  private static final int MAX_BATCH = 500;

  private final JobStore store;
  private final Batcher<NewJob, Attempted<Job>> submits;
  private final Batcher<StepWrite, Boolean> steps;
  private final Batcher<Finish, Attempted<Job>> finishes;

  /**
   * @param flushers batches of each kind that may be in flight at once
   */
  public GroupCommitJobStore(JobStore store, int flushers) {
    this.store = store;
    this.submits = new Batcher<>("submits", store::submitAll, MAX_BATCH, flushers);
    this.steps = new Batcher<>("checkpoints", this::recordAccepted, MAX_BATCH, flushers);
    this.finishes = new Batcher<>("job-ends", store::finishAll, MAX_BATCH, flushers);
  }

  private List<Boolean> recordAccepted(List<StepWrite> writes) {
    Set<StepWrite> rejected = new HashSet<>(store.recordSteps(writes));
    List<Boolean> accepted = new ArrayList<>(writes.size());
    writes.forEach(write -> accepted.add(!rejected.contains(write)));
    return accepted;
  }

  @Override
  public Job submit(NewJob job) {
    return submits.submit(job).orThrow();
  }

  @Override
  public List<Attempted<Job>> submitAll(List<NewJob> jobs) {
    return store.submitAll(jobs);
  }

  @Override
  public void recordStep(UUID jobId, int attempt, Checkpoint checkpoint) {
    if (!steps.submit(new StepWrite(jobId, attempt, checkpoint))) {
      throw new LeaseLostException(jobId, attempt, "the checkpoint of '" + checkpoint.name() + "'");
    }
  }

  @Override
  public CompletableFuture<Void> recordStepLater(UUID jobId, int attempt, Checkpoint checkpoint) {
    return steps
        .submitLater(new StepWrite(jobId, attempt, checkpoint))
        .thenApply(
            accepted -> {
              if (!accepted) {
                throw new LeaseLostException(
                    jobId, attempt, "the checkpoint of '" + checkpoint.name() + "'");
              }
              return null;
            });
  }

  @Override
  public List<StepWrite> recordSteps(List<StepWrite> writes) {
    return store.recordSteps(writes);
  }

  @Override
  public Job finish(UUID jobId, int attempt, Outcome outcome) {
    return finishes.submit(new Finish(jobId, attempt, outcome)).orThrow();
  }

  @Override
  public List<Attempted<Job>> finishAll(List<Finish> all) {
    return store.finishAll(all);
  }

  @Override
  public Optional<Job> find(String tenantId, UUID jobId) {
    return store.find(tenantId, jobId);
  }

  @Override
  public Optional<Job> find(UUID jobId) {
    return store.find(jobId);
  }

  @Override
  public Set<UUID> existing(Collection<UUID> jobIds) {
    return store.existing(jobIds);
  }

  @Override
  public List<Job> claim(Collection<UUID> jobIds, String owner, Duration lease) {
    return store.claim(jobIds, owner, lease);
  }

  @Override
  public Heartbeat heartbeat(Map<UUID, Integer> held, String owner, Duration lease) {
    return store.heartbeat(held, owner, lease);
  }

  @Override
  public List<Checkpoint> checkpoints(UUID jobId) {
    return store.checkpoints(jobId);
  }

  @Override
  public int countCheckpoints(UUID jobId) {
    return store.countCheckpoints(jobId);
  }

  @Override
  public Map<dev.agentq.schemas.Lane, Long> queuedByLane() {
    return store.queuedByLane();
  }

  @Override
  public boolean retryLater(
      UUID jobId, int attempt, dev.agentq.schemas.ErrorInfo error, Instant retryAt) {
    return store.retryLater(jobId, attempt, error, retryAt);
  }

  @Override
  public boolean release(UUID jobId, int attempt, String reason) {
    return store.release(jobId, attempt, reason);
  }

  @Override
  public Optional<Job> requestCancel(String tenantId, UUID jobId) {
    return store.requestCancel(tenantId, jobId);
  }

  @Override
  public ReapResult reapExpiredLeases(int limit) {
    return store.reapExpiredLeases(limit);
  }

  @Override
  public int dispatchDueRetries(int limit) {
    return store.dispatchDueRetries(limit);
  }

  @Override
  public int redispatchStale(Duration timeout, int limit) {
    return store.redispatchStale(timeout, limit);
  }

  @Override
  public List<JobEvent> events(UUID jobId, long afterId, int limit) {
    return store.events(jobId, afterId, limit);
  }

  @Override
  public Optional<JsonNode> conversation(String tenantId, String threadId) {
    return store.conversation(tenantId, threadId);
  }

  @Override
  public JobPage list(String tenantId, JobQuery query) {
    return store.list(tenantId, query);
  }

  @Override
  public Optional<Job> retry(String tenantId, UUID jobId, int attempts, String requestId) {
    return store.retry(tenantId, jobId, attempts, requestId);
  }

  /** Writes what is queued, then stops batching. */
  @Override
  public void close() {
    submits.close();
    steps.close();
    finishes.close();
  }
}
