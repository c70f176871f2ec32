package dev.agentq.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(
    name = "submit",
    description = {
      "Submits a job and prints its id.",
      "With --wait, follows its events (on stderr) until it ends, prints its result and exits by"
          + " its status."
    })
final class SubmitCommand extends ApiCommand {
  @Option(names = "--agent", required = true, paramLabel = "AGENT", description = "The agent.")
  String agent;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "JSON|@FILE",
      description = "The agent's input: a JSON object, @file to read it, or @- for stdin.")
  String input;

  @Option(
      names = "--metadata",
      paramLabel = "KEY=VALUE",
      description = "Metadata stored with the job (repeatable).")
  Map<String, String> metadata = new LinkedHashMap<>();

  @Option(
      names = "--idempotency-key",
      paramLabel = "KEY",
      description = "Submitting again with the same key and body answers with the same job.")
  String idempotencyKey;

  @Option(names = "--webhook-url", paramLabel = "URL", description = "Called when the job ends.")
  String webhookUrl;

  @Option(names = "--wait", description = "Wait until the job ends; print its result.")
  boolean await;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "With --wait: give up (exit 6) after this long, such as 90s or 10m.")
  Duration timeout;

  @Option(names = "--json", description = "Print the whole answer as JSON, not only the id.")
  boolean json;

  @Override
  public Integer call() {
    if (timeout != null && !await) {
      throw CliException.usage("--timeout applies to --wait");
    }
    Deadline deadline = timeout == null ? Deadline.none() : Deadline.after(timeout);
    ObjectNode body = Json.object().put("agent", agent);
    body.set("input", JobInput.read(input, context().in()));
    if (webhookUrl != null) {
      body.put("webhook_url", webhookUrl);
    }
    if (!metadata.isEmpty()) {
      ObjectNode meta = body.putObject("metadata");
      metadata.forEach(meta::put);
    }
    Map<String, String> headers =
        idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey);
    Api api = api();
    JsonNode accepted = api.post("/v1/jobs", body, headers);
    String id = accepted.path("id").asString();
    if (!await) {
      context().out().println(json ? Json.pretty(accepted) : id);
      return ExitCode.OK;
    }
    context().err().println("agentq: job " + id + " submitted; waiting for it to end");
    String status = JobWait.follow(api, id, deadline, context().err(), context().err(), false);
    JsonNode result = api.get("/v1/jobs/" + id + "/result");
    context().out().println(Json.pretty(result));
    return ExitCode.forJobStatus(status);
  }
}
