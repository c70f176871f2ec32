package dev.agentq.cli;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "watch",
    description = {
      "Prints a job's events as they happen, until its last one; exits by how it ended.",
      "A dropped connection is resumed with Last-Event-ID: no event is lost or printed twice."
    })
final class WatchCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The job's id.")
  String id;

  @Option(names = "--json", description = "Print each event as one line of JSON.")
  boolean json;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Give up (exit 6) after this long, such as 90s or 10m.")
  Duration timeout;

  @Override
  public Integer call() {
    String jobId = uuid("the job", id);
    Deadline deadline = timeout == null ? Deadline.none() : Deadline.after(timeout);
    String status = JobWait.follow(api(), jobId, deadline, context().out(), context().err(), json);
    context().err().println("agentq: job " + jobId + " " + status);
    return ExitCode.forJobStatus(status);
  }
}
