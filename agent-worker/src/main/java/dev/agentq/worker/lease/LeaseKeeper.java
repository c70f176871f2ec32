package dev.agentq.worker.lease;

import dev.agentq.store.Heartbeat;
import dev.agentq.store.JobStore;
import dev.agentq.worker.run.WorkerPool;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases of every job this worker runs, in one statement per beat, and tells the pool
 * about leases found lost and cancellations asked for (in case the cancellation feed missed one).
 */
public final class LeaseKeeper implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

  private final JobStore store;
  private final WorkerPool pool;
  private final String owner;
  private final Duration lease;

  public LeaseKeeper(JobStore store, WorkerPool pool, String owner, Duration lease) {
    this.store = store;
    this.pool = pool;
    this.owner = owner;
    this.lease = lease;
  }

  /** One heartbeat. */
  @Override
  public void run() {
    Map<UUID, Integer> held = pool.held();
    if (held.isEmpty()) {
      return;
    }
    try {
      Heartbeat beat = store.heartbeat(held, owner, lease);
      beat.lost().forEach(pool::leaseLost);
      beat.cancelRequested().forEach(pool::cancel);
    } catch (RuntimeException e) {
      log.warn(
          "could not renew {} lease(s), will try again at the next beat: {}",
          held.size(),
          e.getMessage());
    }
  }
}
