package dev.agentq.api.outbox;

import dev.agentq.store.OutboxStore;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outbox to the queue, on a virtual thread of its own. It wakes at once when this
 * instance accepts a job ({@link #wake()}), and polls otherwise so that messages written elsewhere
 * (the lease reaper, other instances) go out too. A failed publish keeps the messages and retries
 * with backoff.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final OutboxStore outbox;
  private final JobQueue queue;
  private final int batchSize;
  private final Duration pollInterval;
  private final Semaphore signal = new Semaphore(0);
  private final Thread thread;
  private volatile boolean running = true;

  public OutboxRelay(OutboxStore outbox, JobQueue queue, int batchSize, Duration pollInterval) {
    this.outbox = outbox;
    this.queue = queue;
    this.batchSize = batchSize;
    this.pollInterval = pollInterval;
    this.thread = Thread.ofVirtual().name("agentq-outbox-relay").start(this::loop);
  }

  /** Something was written to the outbox: publish now rather than at the next poll. */
  public void wake() {
    if (signal.availablePermits() == 0) {
      signal.release();
    }
  }

  private void loop() {
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try {
        int published = outbox.relay(batchSize, queue::publish);
        backoff = Duration.ofMillis(100);
        if (published < batchSize) {
          signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
          signal.drainPermits();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn(
            "could not publish the outbox, will retry in {} ms: {}",
            backoff.toMillis(),
            e.getMessage());
        if (!sleep(backoff)) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private static boolean sleep(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    // Let a pass in progress end on its own: an interrupt in the middle of its transaction would
    // break the pooled connection and leave published messages undeleted, to be sent again.
    signal.release();
    try {
      thread.join(Duration.ofSeconds(5));
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.close();
  }
}
