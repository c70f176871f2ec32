package dev.agentq.cli;

/** The API could not be reached at all: no connection, a timeout, a connection cut short. */
final class UnreachableException extends CliException {
  private static final long serialVersionUID = 1L;

  UnreachableException(String message, Throwable cause) {
    super(ExitCode.UNREACHABLE, message, cause);
  }
}
