package dev.agentq.cli;

/** The exit codes scripts can rely on; the README's CLI section lists them. */
public final class ExitCode {
  /** The command did what it was asked; a waited-for job or batch succeeded entirely. */
  public static final int OK = 0;

  /** The job ended {@code failed}, or the batch ended with failed jobs or invalid lines. */
  public static final int FAILED = 1;

  /** The command line is wrong: an unknown option, a missing argument, unreadable input. */
  public static final int USAGE = 2;

  /** The API refused the request (a 4xx problem, printed with its code). */
  public static final int REFUSED = 3;

  /** The API could not be reached, or answered 5xx. */
  public static final int UNREACHABLE = 4;

  /** The job or batch ended cancelled. */
  public static final int CANCELLED = 5;

  /** {@code --wait --timeout} ran out before the job or batch ended. */
  public static final int TIMEOUT = 6;

  private ExitCode() {}

  /** The exit code for a job that ended in {@code status}. */
  static int forJobStatus(String status) {
    return switch (status) {
      case "succeeded" -> OK;
      case "cancelled" -> CANCELLED;
      default -> FAILED;
    };
  }
}
