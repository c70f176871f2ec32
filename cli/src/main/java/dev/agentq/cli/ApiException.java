package dev.agentq.cli;

/**
 * An answer of the API that is not a success: a problem+json body with its {@code code}. A 4xx
 * exits with {@link ExitCode#REFUSED}, a 5xx with {@link ExitCode#UNREACHABLE}.
 */
final class ApiException extends CliException {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  ApiException(Problem problem) {
    super(problem.status() >= 500 ? ExitCode.UNREACHABLE : ExitCode.REFUSED, problem.describe());
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }

  /** True for answers worth asking again: 5xx, and 429 once its wait is over. */
  boolean transientFailure() {
    return problem.status() >= 500 || problem.status() == 429;
  }
}
