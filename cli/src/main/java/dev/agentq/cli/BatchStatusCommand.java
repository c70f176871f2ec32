package dev.agentq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "status", description = "Prints a batch as JSON: its status and counts.")
final class BatchStatusCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The batch's id.")
  String id;

  @Override
  public Integer call() {
    var batch = api().get("/v1/batches/" + uuid("the batch", id));
    context().out().println(Json.pretty(batch));
    return ExitCode.OK;
  }
}
