package dev.agentq.worker.model;

import java.time.Duration;

/** Waits between retries; tests give one that only records. */
@FunctionalInterface
public interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;
}
