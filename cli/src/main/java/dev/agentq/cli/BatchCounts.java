package dev.agentq.cli;

import tools.jackson.databind.JsonNode;

/** The {@code counts} of a batch view. */
record BatchCounts(
    long total,
    long queued,
    long running,
    long succeeded,
    long failed,
    long cancelled,
    long invalid) {

  static BatchCounts of(JsonNode batch) {
    JsonNode counts = batch.path("counts");
    return new BatchCounts(
        counts.path("total").asLong(0),
        counts.path("queued").asLong(0),
        counts.path("running").asLong(0),
        counts.path("succeeded").asLong(0),
        counts.path("failed").asLong(0),
        counts.path("cancelled").asLong(0),
        counts.path("invalid").asLong(0));
  }

  /** Jobs that have ended, one way or another. */
  long done() {
    return succeeded + failed + cancelled;
  }
}
