package dev.agentq.cli;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** When {@code --wait} gives up: never, or {@code --timeout} after the command started. */
final class Deadline {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> Thread.ofPlatform().daemon().name("agentq-deadline").unstarted(task));

  private final long endNanos;
  private final Duration timeout;

  private Deadline(Duration timeout) {
    this.timeout = timeout;
    this.endNanos = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
  }

  static Deadline after(Duration timeout) {
    return new Deadline(timeout);
  }

  static Deadline none() {
    return new Deadline(null);
  }

  boolean expired() {
    return timeout != null && System.nanoTime() - endNanos >= 0;
  }

  /** Throws the timeout exit if the deadline has passed. */
  void check(String waitingFor) {
    if (expired()) {
      throw CliException.timeout(
          "gave up waiting for " + waitingFor + " after " + Durations.format(timeout));
    }
  }

  /** {@code wanted}, or less when the deadline comes sooner (never below a millisecond). */
  Duration cap(Duration wanted) {
    if (timeout == null) {
      return wanted;
    }
    long left = Math.max(1_000_000L, endNanos - System.nanoTime());
    return left < wanted.toNanos() ? Duration.ofNanos(left) : wanted;
  }

  /** Sleeps {@code pause}, or less if the deadline comes first. */
  void sleep(Duration pause) {
    long nanos = pause.toNanos();
    if (timeout != null) {
      nanos = Math.min(nanos, Math.max(0, endNanos - System.nanoTime()));
    }
    try {
      TimeUnit.NANOSECONDS.sleep(nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.UNREACHABLE, "interrupted", e);
    }
  }

  /**
   * Closes {@code stream} when the deadline passes, so that a blocked read returns; the returned
   * handle cancels that once the stream is done.
   */
  Runnable closeAtExpiry(Closeable stream) {
    if (timeout == null) {
      return () -> {};
    }
    ScheduledFuture<?> task =
        TIMER.schedule(
            () -> {
              try {
                stream.close();
              } catch (IOException ignored) {
                // the reader sees the stream end and checks the deadline
              }
            },
            Math.max(0, endNanos - System.nanoTime()),
            TimeUnit.NANOSECONDS);
    return () -> task.cancel(false);
  }
}
