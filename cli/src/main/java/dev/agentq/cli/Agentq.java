package dev.agentq.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code agentq}: the command line of the agentq API. */
@Command(
    name = "agentq",
    mixinStandardHelpOptions = true,
    versionProvider = Agentq.Version.class,
    description = "Submit, watch and fetch agentq jobs and batches over the HTTP API.",
    subcommands = {
      SubmitCommand.class,
      StatusCommand.class,
      ResultCommand.class,
      WatchCommand.class,
      CancelCommand.class,
      BatchCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  AGENTQ_API_URL  the API's base URL (default http://localhost:8080)",
      "  AGENTQ_API_KEY  the tenant's API key",
      "",
      "Exit codes:",
      "  0  success (a waited-for job succeeded; a batch ended with every job succeeded)",
      "  1  the job failed, or the batch had failed jobs or invalid lines",
      "  2  usage error",
      "  3  the API refused the request (4xx; its problem code is printed)",
      "  4  the API cannot be reached, or answered 5xx",
      "  5  the job or batch was cancelled",
      "  6  --wait --timeout ran out"
    })
public final class Agentq implements Callable<Integer> {
  /** Exit code of a bug in the CLI itself, as sysexits' EX_SOFTWARE. */
  static final int INTERNAL_ERROR = 70;

  private final Context context;

  @Mixin ApiOptions api;

  @Spec CommandSpec spec;

  Agentq(Context context) {
    this.context = context;
  }

  Context context() {
    return context;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "name a command");
  }

  public static void main(String[] args) {
    Context context = Context.system();
    int code = run(context, args);
    context.out().flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never exits the JVM. */
  static int run(Context context, String... args) {
    CommandLine line = new CommandLine(new Agentq(context));
    // --input @file is ours to read: picocli must not expand it as an argument file
    line.setExpandAtFiles(false);
    line.setOut(new PrintWriter(context.out(), true, StandardCharsets.UTF_8));
    line.setErr(new PrintWriter(context.err(), true, StandardCharsets.UTF_8));
    line.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          if (exception instanceof CliException failure) {
            context.err().println("agentq: " + failure.getMessage());
            return failure.exitCode();
          }
          context.err().println("agentq: internal error: " + exception);
          exception.printStackTrace(context.err());
          return INTERNAL_ERROR;
        });
    return line.execute(args);
  }

  /** The version from the jar's manifest, when there is one. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Agentq.class.getPackage().getImplementationVersion();
      return new String[] {"agentq " + (version == null ? "(development build)" : version)};
    }
  }
}
