package dev.agentq.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "status",
    description = {
      "Prints a batch as JSON: its status and counts.",
      "With --wait, shows its progress on stderr until it ends, prints it then, and exits by how"
          + " it ended."
    })
final class BatchStatusCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The batch's id.")
  String id;

  @Mixin BatchWaitOptions waiting;

  @Override
  public Integer call() {
    Deadline deadline = waiting.check();
    String batchId = uuid("the batch", id);
    Api api = api();
    if (!waiting.await) {
      context().out().println(Json.pretty(api.get("/v1/batches/" + batchId)));
      return ExitCode.OK;
    }
    JsonNode ended = waiting.waitFor(api, batchId, deadline, context());
    context().out().println(Json.pretty(ended));
    return BatchWait.exitCode(ended);
  }
}
