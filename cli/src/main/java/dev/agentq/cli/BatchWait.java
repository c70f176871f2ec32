package dev.agentq.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Polls a batch until it ends, showing its progress, and tells how it ended. */
final class BatchWait {
  static final Set<String> FINAL = Set.of("completed", "cancelled", "failed");

  /** Polls in a row that may fail (no connection, 5xx) before the API counts as unreachable. */
  private static final int MAX_FAILURES = 10;

  private BatchWait() {}

  /** The batch's view once it has ended. */
  static JsonNode until(
      Api api,
      String batchId,
      Deadline deadline,
      Duration pollInterval,
      Progress progress,
      Context context) {
    Clock clock = Clock.systemUTC();
    int failures = 0;
    try {
      while (true) {
        deadline.check("batch " + batchId + " to end");
        JsonNode batch;
        try {
          batch = api.get("/v1/batches/" + batchId);
          failures = 0;
        } catch (UnreachableException | ApiException e) {
          if (e instanceof ApiException refused && !refused.transientFailure()) {
            throw e;
          }
          if (++failures >= MAX_FAILURES) {
            throw e;
          }
          progress.close();
          context.err().println("agentq: " + e.getMessage() + "; asking again");
          deadline.sleep(EventStream.backoff(failures));
          continue;
        }
        boolean ended = FINAL.contains(batch.path("status").asString(""));
        progress.update(
            BatchCounts.of(batch),
            clock.instant(),
            instant(batch.path("estimated_completion_at")),
            ended);
        if (ended) {
          return batch;
        }
        deadline.sleep(pollInterval);
      }
    } catch (CliException e) {
      progress.close();
      throw e;
    }
  }

  /**
   * 0 when every job succeeded; 5 when the batch was cancelled; 1 when it failed, or any job failed
   * or was cancelled, or any line was invalid.
   */
  static int exitCode(JsonNode batch) {
    String status = batch.path("status").asString("");
    if (status.equals("cancelled")) {
      return ExitCode.CANCELLED;
    }
    BatchCounts counts = BatchCounts.of(batch);
    if (status.equals("failed")
        || counts.failed() > 0
        || counts.invalid() > 0
        || counts.cancelled() > 0) {
      return ExitCode.FAILED;
    }
    return ExitCode.OK;
  }

  private static Instant instant(JsonNode value) {
    if (!value.isString()) {
      return null;
    }
    try {
      return Instant.parse(value.asString());
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(value.asString()).toInstant();
      } catch (DateTimeParseException notATime) {
        return null;
      }
    }
  }
}
