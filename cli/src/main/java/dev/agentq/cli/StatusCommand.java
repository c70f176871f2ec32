package dev.agentq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Prints a job's status as JSON.")
final class StatusCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The job's id.")
  String id;

  @Override
  public Integer call() {
    var status = api().get("/v1/jobs/" + uuid("the job", id) + "/status");
    context().out().println(Json.pretty(status));
    return ExitCode.OK;
  }
}
