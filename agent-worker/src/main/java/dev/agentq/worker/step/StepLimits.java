package dev.agentq.worker.step;

import java.time.Duration;

/**
 * Bounds of a job's work.
 *
 * @param stepTimeout how long one step, its retries included, may take
 * @param jobTimeout how long after its submission a job may still start a step
 * @param maxToolCalls tool calls one step may make before the model must answer without tools
 * @param maxRepairs times a structured reply that does not fit is sent back to be fixed
 * @param tokenBudget model tokens, input and output, one job may spend over all its attempts
 */
public record StepLimits(
    Duration stepTimeout, Duration jobTimeout, int maxToolCalls, int maxRepairs, long tokenBudget) {
  public static final long DEFAULT_TOKEN_BUDGET = 200_000;
  public static final StepLimits DEFAULT =
      new StepLimits(Duration.ofSeconds(60), Duration.ofHours(1), 10, 2, DEFAULT_TOKEN_BUDGET);

  public StepLimits {
    if (tokenBudget < 1) {
      throw new IllegalArgumentException("the token budget must be positive");
    }
  }

  /** Bounds with the default token budget. */
  public StepLimits(Duration stepTimeout, Duration jobTimeout, int maxToolCalls, int maxRepairs) {
    this(stepTimeout, jobTimeout, maxToolCalls, maxRepairs, DEFAULT_TOKEN_BUDGET);
  }

  /** These bounds with another token budget. */
  public StepLimits withTokenBudget(long budget) {
    return new StepLimits(stepTimeout, jobTimeout, maxToolCalls, maxRepairs, budget);
  }
}
