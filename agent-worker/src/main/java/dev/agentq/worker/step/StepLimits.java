package dev.agentq.worker.step;

import java.time.Duration;

/**
 * Bounds of a job's work.
 *
 * @param stepTimeout how long one step, its retries included, may take
 * @param jobTimeout how long after its submission a job may still start a step
 * @param maxToolCalls tool calls one step may make before the model must answer without tools
 * @param maxRepairs times a structured reply that does not fit is sent back to be fixed
 */
public record StepLimits(
    Duration stepTimeout, Duration jobTimeout, int maxToolCalls, int maxRepairs) {
  public static final StepLimits DEFAULT =
      new StepLimits(Duration.ofSeconds(60), Duration.ofHours(1), 10, 2);
}
