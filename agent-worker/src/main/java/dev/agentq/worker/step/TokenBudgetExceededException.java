package dev.agentq.worker.step;

import dev.agentq.worker.WorkerException;
import java.util.UUID;

/**
 * A model call would take the job past its token budget ({@code agentq.worker.token-budget}). Not
 * retried: the budget is the job's over all its attempts, and another attempt would need as much.
 */
public final class TokenBudgetExceededException extends WorkerException {
  private static final long serialVersionUID = 1L;

  public TokenBudgetExceededException(
      UUID jobId, String call, long needed, long left, long budget) {
    super(
        "token_budget_exceeded",
        "job "
            + jobId
            + " needs about "
            + needed
            + " tokens for '"
            + call
            + "' but has "
            + left
            + " of its budget of "
            + budget
            + " left; the job fails",
        false);
  }
}
