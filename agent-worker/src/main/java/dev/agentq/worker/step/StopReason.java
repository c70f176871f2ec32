package dev.agentq.worker.step;

/** Why a running job must stop at its next step boundary. */
public enum StopReason {
  /** The worker is shutting down; the job is released for another worker to resume. */
  WORKER_SHUTDOWN("worker_shutdown", "the worker is shutting down"),
  /** Another attempt holds the job now; this one's writes are already fenced off. */
  LEASE_LOST("lease_lost", "its lease was lost to another attempt"),
  /** A client asked for the job to be cancelled; it ends as {@code cancelled}. */
  CANCELLED("cancelled", "its cancellation was asked for");

  private final String code;
  private final String description;

  StopReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  /** Recorded in the job's {@code job.retrying} event. */
  public String code() {
    return code;
  }

  public String description() {
    return description;
  }
}
