package dev.agentq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "cancel",
    description = {
      "Cancels a job and prints its status as JSON: a waiting job at once, a running one at its"
          + " next step boundary.",
      "A job that has already succeeded or failed is refused with job_already_ended (exit 3)."
    })
final class CancelCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The job's id.")
  String id;

  @Override
  public Integer call() {
    var status = api().postEmpty("/v1/jobs/" + uuid("the job", id) + "/cancel");
    context().out().println(Json.pretty(status));
    return ExitCode.OK;
  }
}
