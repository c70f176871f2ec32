package dev.agentq.schemas;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/**
 * The life of a job: {@code queued → running → succeeded | failed | cancelled}, with {@code
 * retry_wait} between attempts. {@link #canMoveTo} is the one place that says which transitions are
 * legal; stores refuse any other.
 */
public enum JobState {
  QUEUED("queued"),
  RUNNING("running"),
  RETRY_WAIT("retry_wait"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String wire;

  JobState(String wire) {
    this.wire = wire;
  }

  /** The lower-case name used on the wire and in the database. */
  @JsonValue
  public String wire() {
    return wire;
  }

  public static JobState fromWire(String value) {
    return Arrays.stream(values())
        .filter(state -> state.wire.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown job state: " + value));
  }

  /** True once nothing more will happen to the job. */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }

  public boolean canMoveTo(JobState next) {
    return switch (this) {
      case QUEUED -> next == RUNNING || next == CANCELLED || next == FAILED;
      case RUNNING ->
          next == SUCCEEDED
              || next == FAILED
              || next == CANCELLED
              || next == RETRY_WAIT
              || next == QUEUED;
      case RETRY_WAIT -> next == RUNNING || next == QUEUED || next == CANCELLED || next == FAILED;
      case SUCCEEDED, CANCELLED -> false;
      case FAILED -> next == QUEUED;
    };
  }

  /** Throws {@link IllegalStateException} unless the transition is legal. */
  public JobState requireMoveTo(JobState next) {
    if (!canMoveTo(next)) {
      throw new IllegalStateException("a job cannot go from " + wire + " to " + next.wire);
    }
    return next;
  }
}
