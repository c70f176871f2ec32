package dev.agentq.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real JVM started as a child process, for tests that crash and restart things. Its output goes
 * to a log file that {@link #log()} reads, so a failing test can show what the child said. {@link
 * #kill9()} sends SIGKILL: no shutdown hook runs.
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path logFile;

  private ChildJvm(Process process, Path logFile) {
    this.process = process;
    this.logFile = logFile;
  }

  /** Starts {@code java <jvmArgs> -jar <jar>} with extra environment variables. */
  public static ChildJvm startJar(
      Path jar, List<String> jvmArgs, Map<String, String> env, Path logFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(new LinkedHashMap<>(env));
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    try {
      return new ChildJvm(builder.start(), logFile);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + command, e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, then wait for the process to be gone. */
  public void kill9() {
    process.destroyForcibly();
    waitForExit(Duration.ofSeconds(30));
  }

  /** SIGSTOP: the process freezes where it is, as a long GC pause or a hung host would. */
  public void pause() {
    signal("STOP");
  }

  /** SIGCONT: a paused process goes on as if nothing happened. */
  public void resume() {
    signal("CONT");
  }

  private void signal(String name) {
    try {
      new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** SIGTERM (a graceful stop), then wait up to {@code timeout}; SIGKILL if it is still alive. */
  public void stop(Duration timeout) {
    process.destroy();
    if (!waitForExit(timeout)) {
      kill9();
    }
  }

  private boolean waitForExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Everything the child has written so far. */
  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop(Duration.ofSeconds(20));
    }
  }
}
