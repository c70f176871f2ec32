package dev.agentq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "cancel",
    description = {
      "Cancels a batch's jobs that have not ended and prints the batch as JSON.",
      "A batch that has ended already is refused with batch_finished (exit 3)."
    })
final class BatchCancelCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The batch's id.")
  String id;

  @Override
  public Integer call() {
    var batch = api().postEmpty("/v1/batches/" + uuid("the batch", id) + "/cancel");
    context().out().println(Json.pretty(batch));
    return ExitCode.OK;
  }
}
