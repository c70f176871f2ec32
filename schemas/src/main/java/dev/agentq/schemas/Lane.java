package dev.agentq.schemas;

import com.fasterxml.jackson.annotation.JsonValue;

/** A queue of its own: interactive work is never stuck behind a nightly batch. */
public enum Lane {
  INTERACTIVE("interactive"),
  BATCH("batch");

  private final String wire;

  Lane(String wire) {
    this.wire = wire;
  }

  @JsonValue
  public String wire() {
    return wire;
  }

  /**
   * The logical topic of this lane's dispatch messages, {@code jobs.<lane>}; a deployment prefixes
   * it (by default with {@code agentq.}).
   */
  public String topic() {
    return "jobs." + wire;
  }

  public static Lane fromWire(String value) {
    for (Lane lane : values()) {
      if (lane.wire.equals(value)) {
        return lane;
      }
    }
    throw new IllegalArgumentException("unknown lane: " + value);
  }
}
