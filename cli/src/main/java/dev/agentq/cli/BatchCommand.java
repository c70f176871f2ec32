package dev.agentq.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "batch",
    description = "Submits a directory of documents as a batch; shows, fetches or cancels one.",
    subcommands = {
      BatchSubmitCommand.class,
      BatchStatusCommand.class,
      BatchResultsCommand.class,
      BatchCancelCommand.class
    })
final class BatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name a batch command");
  }
}
