package dev.agentq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "result",
    description = {
      "Prints an ended job's result as JSON and exits by its status (0 succeeded, 1 failed,"
          + " 5 cancelled).",
      "A job that has not ended is refused with result_not_ready (exit 3)."
    })
final class ResultCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The job's id.")
  String id;

  @Override
  public Integer call() {
    var result = api().get("/v1/jobs/" + uuid("the job", id) + "/result");
    context().out().println(Json.pretty(result));
    return ExitCode.forJobStatus(result.path("status").asString(""));
  }
}
