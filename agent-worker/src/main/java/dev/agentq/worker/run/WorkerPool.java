package dev.agentq.worker.run;

import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.worker.step.StopReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The jobs this worker is running, each on a virtual thread. It knows which attempt of each job it
 * holds (for heartbeats), lets a job know when it must stop, and on shutdown gives back the leases
 * of jobs that did not finish in time.
 */
public final class WorkerPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);

  private final JobRunner runner;
  private final JobStore store;
  private final int capacity;
  private final Duration shutdownGrace;
  private final IntConsumer onJobEnd;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<UUID, Running> running = new ConcurrentHashMap<>();
  private volatile StopReason stopping;

  /** One job in flight: the attempt held, and why it must stop (null while it may go on). */
  private static final class Running {
    final int attempt;
    volatile StopReason stopReason;

    Running(int attempt) {
      this.attempt = attempt;
    }
  }

  /**
   * @param onJobEnd told the number of jobs in flight after each one leaves, so that consumption
   *     can resume
   */
  public WorkerPool(
      JobRunner runner,
      JobStore store,
      int capacity,
      Duration shutdownGrace,
      IntConsumer onJobEnd) {
    this.runner = runner;
    this.store = store;
    this.capacity = capacity;
    this.shutdownGrace = shutdownGrace;
    this.onJobEnd = onJobEnd;
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
    Running entry = new Running(job.attempt());
    running.put(job.id(), entry);
    threads.execute(
        () -> {
          if (requestId != null) {
            MDC.put("request_id", requestId);
          }
          try {
            runner.run(job, () -> stopping != null ? stopping : entry.stopReason);
          } finally {
            MDC.remove("request_id");
            running.remove(job.id(), entry);
            onJobEnd.accept(running.size());
          }
        });
  }

  public int inflight() {
    return running.size();
  }

  public int capacity() {
    return capacity;
  }

  /** Job id → attempt held, for the heartbeat. */
  public Map<UUID, Integer> held() {
    Map<UUID, Integer> held = new HashMap<>();
    running.forEach((id, entry) -> held.put(id, entry.attempt));
    return held;
  }

  /** The job's lease is gone: it stops at its next step boundary, its writes already fenced off. */
  public void leaseLost(UUID jobId) {
    Running entry = running.get(jobId);
    if (entry != null) {
      entry.stopReason = StopReason.LEASE_LOST;
    }
  }

  /**
   * Stops taking jobs, lets running steps finish for the grace period, then releases the leases of
   * the jobs still running so that another worker resumes them at once.
   */
  @Override
  public void close() {
    stopping = StopReason.WORKER_SHUTDOWN;
    threads.shutdown();
    try {
      if (!threads.awaitTermination(shutdownGrace.toMillis(), TimeUnit.MILLISECONDS)) {
        int released = 0;
        for (var entry : Map.copyOf(running).entrySet()) {
          if (store.release(
              entry.getKey(), entry.getValue().attempt, StopReason.WORKER_SHUTDOWN.code())) {
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
