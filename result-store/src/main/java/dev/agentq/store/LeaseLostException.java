package dev.agentq.store;

import java.util.UUID;

/**
 * A worker wrote for an attempt that no longer holds the job: its lease expired and another attempt
 * took over, or the job ended. The write was rejected; the worker must stop working on the job.
 */
public final class LeaseLostException extends StoreException {
  private static final long serialVersionUID = 1L;

  private final UUID jobId;
  private final int attempt;

  public LeaseLostException(UUID jobId, int attempt, String what) {
    super(
        "job "
            + jobId
            + " is no longer held by attempt "
            + attempt
            + "; "
            + what
            + " was rejected and this worker stops working on it");
    this.jobId = jobId;
    this.attempt = attempt;
  }

  public UUID jobId() {
    return jobId;
  }

  public int attempt() {
    return attempt;
  }
}
