package dev.agentq.worker.step;

import dev.agentq.worker.WorkerException;
import java.util.UUID;

/**
 * The job must stop at this step boundary: its lease was lost or the worker is shutting down. The
 * job is not failed; whoever holds it next resumes from its last checkpoint.
 */
public final class JobInterruptedException extends WorkerException {
  private static final long serialVersionUID = 1L;

  private final StopReason reason;

  public JobInterruptedException(UUID jobId, StopReason reason) {
    super(
        "interrupted",
        "job " + jobId + " stopped before its next step: " + reason.description(),
        true);
    this.reason = reason;
  }

  public StopReason reason() {
    return reason;
  }
}
