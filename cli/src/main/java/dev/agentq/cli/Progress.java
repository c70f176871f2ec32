package dev.agentq.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A batch's progress on standard error: a bar redrawn in place on a terminal, else a plain line
 * whenever the counts change (at most one per {@link #PLAIN_INTERVAL}), and always the last one.
 */
final class Progress {
  static final Duration PLAIN_INTERVAL = Duration.ofSeconds(5);
  private static final int BAR_WIDTH = 24;

  private final PrintStream err;
  private final boolean terminal;
  private final Instant started;
  private int columns;
  private BatchCounts first;
  private BatchCounts lastShown;
  private Instant lastShownAt;
  private boolean drawn;

  Progress(PrintStream err, boolean terminal, Instant started) {
    this.err = err;
    this.terminal = terminal;
    this.started = started;
  }

  /** On a terminal this many columns wide, the bar is cut to fit, so that it redraws in place. */
  Progress fitTo(int columns) {
    this.columns = columns;
    return this;
  }

  /** Shows {@code counts} as of {@code now}; {@code serverEta} is the batch's estimate, if any. */
  void update(BatchCounts counts, Instant now, Instant serverEta, boolean last) {
    if (first == null) {
      first = counts;
    }
    Duration eta = last ? Duration.ZERO : eta(counts, now, serverEta);
    String line = render(counts, eta);
    if (terminal) {
      if (columns > 1 && line.length() >= columns) {
        line = line.substring(0, columns - 1);
      }
      err.print("\r" + line + "\u001b[K");
      drawn = true;
      if (last) {
        err.println();
      }
      err.flush();
      return;
    }
    boolean changed = lastShown == null || !lastShown.equals(counts);
    boolean due =
        lastShownAt == null || Duration.between(lastShownAt, now).compareTo(PLAIN_INTERVAL) >= 0;
    if (last || (changed && due)) {
      err.println(line);
      lastShown = counts;
      lastShownAt = now;
    }
  }

  /** Ends a bar left open (the wait was cut short), so that the next message starts a line. */
  void close() {
    if (terminal && drawn) {
      err.println();
    }
  }

  /**
   * The time left: the server's estimate when it has one, else from the rate at which jobs ended
   * since this progress began; null while nothing has ended.
   */
  Duration eta(BatchCounts counts, Instant now, Instant serverEta) {
    if (serverEta != null) {
      Duration left = Duration.between(now, serverEta);
      return left.isNegative() ? Duration.ZERO : left;
    }
    long finishedSince = counts.done() - (first == null ? 0 : first.done());
    long remaining = counts.total() - counts.done();
    Duration elapsed = Duration.between(started, now);
    if (finishedSince <= 0 || elapsed.isZero() || elapsed.isNegative()) {
      return null;
    }
    return Duration.ofMillis(elapsed.toMillis() * remaining / finishedSince);
  }

  /** {@code [#####.....] 50% 500/1000 succeeded 480 failed 20 running 8 queued 492 ETA 1m20s}. */
  static String render(BatchCounts counts, Duration eta) {
    long total = counts.total();
    long done = counts.done();
    int percent = total == 0 ? 100 : (int) (done * 100 / total);
    int filled = total == 0 ? BAR_WIDTH : (int) (done * BAR_WIDTH / total);
    StringBuilder line = new StringBuilder("[");
    line.append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append("] ");
    line.append(String.format(Locale.ROOT, "%3d%%  %d/%d", percent, done, total));
    // the ETA before the details, so that a narrow terminal cuts those instead
    line.append("  ETA ").append(eta == null ? "--" : Durations.format(eta));
    line.append("  succeeded ").append(counts.succeeded());
    line.append("  failed ").append(counts.failed());
    if (counts.cancelled() > 0) {
      line.append("  cancelled ").append(counts.cancelled());
    }
    line.append("  running ").append(counts.running());
    line.append("  queued ").append(counts.queued());
    if (counts.invalid() > 0) {
      line.append("  invalid ").append(counts.invalid());
    }
    return line.toString();
  }
}
