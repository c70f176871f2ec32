package dev.agentq.worker.lease;

import dev.agentq.store.JobStore;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds jobs whose worker stopped renewing its lease and dispatches them again (or fails them once
 * out of attempts), dispatches jobs whose retry is due, and dispatches again jobs queued so long
 * that their message must have been lost. Safe to run on every worker at once: rows are claimed
 * with {@code SKIP LOCKED}.
 */
public final class LeaseReaper implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(LeaseReaper.class);
  private static final int BATCH = 500;

  private final JobStore store;
  private final Duration dispatchTimeout;

  public LeaseReaper(JobStore store, Duration dispatchTimeout) {
    this.store = store;
    this.dispatchTimeout = dispatchTimeout;
  }

  /** One pass. */
  @Override
  public void run() {
    try {
      JobStore.ReapResult reaped = store.reapExpiredLeases(BATCH);
      if (reaped.redispatched() > 0) {
        log.warn(
            "{} job(s) had an expired lease (their worker crashed or hung): dispatched again to"
                + " resume from their last checkpoint",
            reaped.redispatched());
      }
      if (reaped.failed() > 0) {
        log.error(
            "{} job(s) had an expired lease on their last allowed attempt: failed, dead-lettered",
            reaped.failed());
      }
      int due = store.dispatchDueRetries(BATCH);
      if (due > 0) {
        log.info("{} job(s) due for a retry: dispatched again", due);
      }
      int stale = store.redispatchStale(dispatchTimeout, BATCH);
      if (stale > 0) {
        log.warn(
            "{} job(s) were queued for over {} s with no message waiting: dispatched again",
            stale,
            dispatchTimeout.toSeconds());
      }
    } catch (RuntimeException e) {
      log.warn("lease reaper pass failed, will run again at the next interval: {}", e.getMessage());
    }
  }
}
