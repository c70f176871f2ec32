package dev.agentq.worker.step;

/** Why a running job must stop at its next step boundary, to be resumed elsewhere. */
public enum StopReason {
  WORKER_SHUTDOWN("worker_shutdown", "the worker is shutting down"),
  LEASE_LOST("lease_lost", "its lease was lost to another attempt");

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
