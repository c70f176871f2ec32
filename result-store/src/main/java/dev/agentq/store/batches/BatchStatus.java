package dev.agentq.store.batches;

/** Where a batch stands; {@link #isFinal()} ones never change again. */
public enum BatchStatus {
  VALIDATING("validating"),
  IN_PROGRESS("in_progress"),
  COMPLETED("completed"),
  CANCELLING("cancelling"),
  CANCELLED("cancelled"),
  FAILED("failed");

  private final String wire;

  BatchStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public boolean isFinal() {
    return this == COMPLETED || this == CANCELLED || this == FAILED;
  }

  public static BatchStatus fromWire(String value) {
    for (BatchStatus status : values()) {
      if (status.wire.equals(value)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown batch status: " + value);
  }
}
