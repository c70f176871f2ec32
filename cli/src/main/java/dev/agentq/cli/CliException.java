package dev.agentq.cli;

/** A command that cannot go on; its message is printed and the CLI exits with {@link #exitCode}. */
class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CliException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  int exitCode() {
    return exitCode;
  }

  static CliException usage(String message) {
    return new CliException(ExitCode.USAGE, message);
  }

  static CliException timeout(String message) {
    return new CliException(ExitCode.TIMEOUT, message);
  }
}
