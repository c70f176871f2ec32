package dev.agentq.cli;

import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code --wait} and its companions, for the commands that can wait for a batch to end. */
final class BatchWaitOptions {
  @Option(names = "--wait", description = "Show progress on stderr until the batch ends.")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "With --wait: give up (exit 6) after this long, such as 30m.")
  Duration timeout;

  @Option(
      names = "--poll-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "With --wait: how often to ask for the batch's counts (default 1s).")
  Duration pollInterval = Duration.ofSeconds(1);

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      description = "auto (a bar on a terminal, else lines), bar, lines or none (default auto).")
  String progressMode = "auto";

  /** Refuses combinations that make no sense before anything is sent. */
  Deadline check() {
    if (timeout != null && !await) {
      throw CliException.usage("--timeout applies to --wait");
    }
    if (!java.util.Set.of("auto", "bar", "lines", "none").contains(progressMode)) {
      throw CliException.usage("--progress is auto, bar, lines or none");
    }
    return timeout == null ? Deadline.none() : Deadline.after(timeout);
  }

  /** The terminal's width, as {@code bin/agentq} or the shell tells it; 0 when unknown. */
  private static int columns(Context context) {
    for (String name : new String[] {"AGENTQ_COLUMNS", "COLUMNS"}) {
      String value = context.env().get(name);
      if (value != null && value.strip().matches("\\d{1,4}")) {
        return Integer.parseInt(value.strip());
      }
    }
    return 0;
  }

  /** Waits for the batch to end, showing its progress, and returns its final view. */
  JsonNode waitFor(Api api, String batchId, Deadline deadline, Context context) {
    Progress progress =
        switch (progressMode) {
          case "none" ->
              new Progress(
                  new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                  false,
                  Instant.now());
          case "bar" -> new Progress(context.err(), true, Instant.now());
          case "lines" -> new Progress(context.err(), false, Instant.now());
          default -> new Progress(context.err(), context.stderrTty(), Instant.now());
        };
    progress.fitTo(columns(context));
    JsonNode ended = BatchWait.until(api, batchId, deadline, pollInterval, progress, context);
    BatchCounts counts = BatchCounts.of(ended);
    context
        .err()
        .println(
            "agentq: batch "
                + batchId
                + " "
                + ended.path("status").asString()
                + ": "
                + counts.succeeded()
                + " succeeded, "
                + counts.failed()
                + " failed, "
                + counts.cancelled()
                + " cancelled, "
                + counts.invalid()
                + " invalid lines");
    return ended;
  }
}
