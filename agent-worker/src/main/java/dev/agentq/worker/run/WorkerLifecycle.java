package dev.agentq.worker.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the worker's periodic duties (heartbeats, the lease reaper) and shuts the worker down in the
 * right order: first the pool, with its grace period, while heartbeats still go on, then the
 * duties.
 */
public final class WorkerLifecycle implements AutoCloseable {
  private final WorkerPool pool;
  private final ScheduledExecutorService scheduler =
      Executors.newScheduledThreadPool(1, Thread.ofVirtual().name("agentq-worker-timer").factory());

  public WorkerLifecycle(
      WorkerPool pool,
      Runnable heartbeat,
      Duration heartbeatInterval,
      Runnable reaper,
      Duration reaperInterval) {
    this.pool = pool;
    schedule(heartbeat, heartbeatInterval);
    schedule(reaper, reaperInterval);
  }

  private void schedule(Runnable task, Duration interval) {
    scheduler.scheduleWithFixedDelay(
        task, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    pool.close();
    scheduler.shutdownNow();
  }
}
