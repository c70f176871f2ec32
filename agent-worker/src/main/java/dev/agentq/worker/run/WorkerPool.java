package dev.agentq.worker.run;

import dev.agentq.schemas.Lane;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StopReason;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The jobs this worker is running, each on a virtual thread. It knows which attempt of each job it
 * holds (for heartbeats), can stop or cancel a job, and on shutdown gives back the leases of jobs
 * that did not reach a step boundary in time.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final JobRunner runner;
  private final JobStore store;
  private final int capacity;
  private final Duration shutdownGrace;
  private final Runnable onJobEnd;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<UUID, Running> running = new ConcurrentHashMap<>();
  private final Map<Lane, AtomicInteger> byLane = new EnumMap<>(Lane.class);

  private record Running(int attempt, Lane lane, JobControl control) {}

  /**
   * @param onJobEnd called after each job leaves, so that consumption can resume
   */
  public WorkerPool(
      JobRunner runner, JobStore store, int capacity, Duration shutdownGrace, Runnable onJobEnd) {
    this.runner = runner;
    this.store = store;
    this.capacity = capacity;
    this.shutdownGrace = shutdownGrace;
    this.onJobEnd = onJobEnd;
    for (Lane lane : Lane.values()) {
      byLane.put(lane, new AtomicInteger());
    }
  }

  /** Starts a claimed job on a virtual thread of its own. */
  public void start(Job job) {
    start(job, null);
  }

  /**
   * Starts a claimed job on a virtual thread of its own, whose log lines carry {@code request_id}:
   * the correlation id of the HTTP request that queued the job, when the dispatch message had one.
   */
  public void start(Job job, String requestId) {
    start(job, requestId, null);
  }

  /**
   * Starts a claimed job as {@link #start(Job, String)} does, its span continuing {@code
   * traceparent}, the trace context of the message that dispatched it (null: a new trace).
   */
  public void start(Job job, String requestId, String traceparent) {
    Running entry = new Running(job.attempt(), job.lane(), new JobControl());
    running.put(job.id(), entry);
    byLane.get(job.lane()).incrementAndGet();
    threads.execute(
        () -> {
          if (requestId != null) {
            MDC.put("request_id", requestId);
          }
          try {
            runner.run(job, entry.control(), traceparent);
          } finally {
            MDC.remove("request_id");
            running.remove(job.id(), entry);
            byLane.get(job.lane()).decrementAndGet();
            onJobEnd.run();
          }
        });
  }

  public int inflight() {
    return running.size();
  }

  /** Jobs of {@code lane} in flight. */
  public int inflight(Lane lane) {
    return byLane.get(lane).get();
  }

  public int capacity() {
    return capacity;
  }

  /** Job id → attempt held, for the heartbeat. */
  public Map<UUID, Integer> held() {
    Map<UUID, Integer> held = new HashMap<>();
    running.forEach((id, entry) -> held.put(id, entry.attempt()));
    return held;
  }

  /** The job's lease is gone: it stops at its next boundary, its writes already fenced off. */
  public void leaseLost(UUID jobId) {
    stop(jobId, StopReason.LEASE_LOST);
  }

  /** The job's cancellation was asked for: it stops at once if it is in a model call. */
  public void cancel(UUID jobId) {
    stop(jobId, StopReason.CANCELLED);
  }

  private void stop(UUID jobId, StopReason reason) {
    Running entry = running.get(jobId);
    if (entry != null) {
      entry.control().stop(reason);
    }
  }

  /**
   * Stops taking jobs, lets running steps finish for the grace period, then releases the leases of
   * the jobs still running so that another worker resumes them at once.
   */
  @Override
  public void close() {
    running.values().forEach(entry -> entry.control().stop(StopReason.WORKER_SHUTDOWN));
    threads.shutdown();
    try {
      if (!threads.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        int released = 0;
        for (var entry : Map.copyOf(running).entrySet()) {
          if (store.release(
              entry.getKey(), entry.getValue().attempt(), StopReason.WORKER_SHUTDOWN.code())) {
            released++;
          }
        }
        log.warn(
            "shutdown grace of {} s ran out: released {} job(s) for other workers to resume",
            shutdownGrace.toSeconds(),
            released);
        threads.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      threads.shutdownNow();
    }
  }
}
