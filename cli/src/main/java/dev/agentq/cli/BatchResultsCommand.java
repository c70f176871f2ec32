package dev.agentq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "results",
    description = {
      "Writes a batch's results to stdout as JSONL, one line per job in the order of the batch's"
          + " lines, as the API streams them."
    })
final class BatchResultsCommand extends ApiCommand {
  @Parameters(paramLabel = "ID", description = "The batch's id.")
  String id;

  @Option(names = "--errors-only", description = "Only the jobs that failed or were cancelled.")
  boolean errorsOnly;

  @Override
  public Integer call() {
    Api api = api();
    String path =
        "/v1/batches/"
            + uuid("the batch", id)
            + "/results"
            + (errorsOnly ? "?errors_only=true" : "");
    var response =
        api.stream(
            path,
            Map.of(
                "Accept",
                "application/jsonl, application/x-ndjson, application/problem+json, */*;q=0.1"));
    try (InputStream body = response.body()) {
      body.transferTo(context().out());
      context().out().flush();
    } catch (IOException e) {
      throw api.unreachable(e);
    }
    if (context().out().checkError()) {
      throw new CliException(ExitCode.FAILED, "could not write the results to stdout");
    }
    return ExitCode.OK;
  }
}
