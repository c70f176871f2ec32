package dev.agentq.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

@Command(
    name = "submit",
    description = {
      "Submits every file of DIRECTORY as one batch line (custom_id: its relative path) and prints"
          + " the batch's id.",
      "Each file goes inline as content_base64, or with --as-file-reference as a file reference"
          + " the workers read from their documents directory. Files are streamed, never held in"
          + " memory whole.",
      "With --wait, shows progress on stderr until the batch ends and exits by how it ended."
    })
final class BatchSubmitCommand extends ApiCommand {
  @Parameters(paramLabel = "DIRECTORY", description = "The directory whose files to submit.")
  Path directory;

  @Option(names = "--agent", required = true, paramLabel = "AGENT", description = "The agent.")
  String agent;

  @Option(
      names = "--as-file-reference",
      description = "Send {\"file\": path} instead of the file's bytes.")
  boolean asFileReference;

  @Option(
      names = "--file-prefix",
      paramLabel = "PREFIX",
      description = "With --as-file-reference: put before each relative path, such as incoming/.")
  String filePrefix = "";

  @Option(
      names = "--all-or-nothing",
      description = "Create nothing if any line is invalid (refused with batch_invalid_lines).")
  boolean allOrNothing;

  @Option(names = "--webhook-url", paramLabel = "URL", description = "Called when the batch ends.")
  String webhookUrl;

  @Option(
      names = "--metadata",
      paramLabel = "KEY=VALUE",
      description = "Metadata stored with the batch (repeatable).")
  Map<String, String> metadata = new LinkedHashMap<>();

  @Mixin BatchWaitOptions waiting;

  @Option(names = "--json", description = "Print the batch as JSON, not only its id.")
  boolean json;

  @Override
  public Integer call() {
    Deadline deadline = waiting.check();
    if (!filePrefix.isEmpty() && !asFileReference) {
      throw CliException.usage("--file-prefix applies to --as-file-reference");
    }
    DirectoryJsonl lines = DirectoryJsonl.of(directory, agent, asFileReference, filePrefix);
    Api api = api();
    context()
        .err()
        .println("agentq: sending " + lines.fileCount() + " files of " + directory + " as a batch");
    JsonNode batch;
    try {
      batch = api.postStream("/v1/batches" + query(), "application/jsonl", lines::open);
    } catch (CliException e) {
      if (lines.failure() != null) {
        throw CliException.usage(lines.failure());
      }
      throw e;
    }
    String id = batch.path("id").asString();
    reportInvalidLines(batch);
    if (!json) {
      context().out().println(id);
      context().out().flush();
    }
    if (!waiting.await) {
      if (json) {
        context().out().println(Json.pretty(batch));
      }
      return ExitCode.OK;
    }
    JsonNode ended = waiting.waitFor(api, id, deadline, context());
    if (json) {
      context().out().println(Json.pretty(ended));
    }
    return BatchWait.exitCode(ended);
  }

  private void reportInvalidLines(JsonNode batch) {
    for (JsonNode invalid : batch.path("invalid_lines")) {
      String customId =
          invalid.path("custom_id").isString()
              ? " (" + invalid.get("custom_id").asString() + ")"
              : "";
      context()
          .err()
          .println(
              "agentq: line "
                  + invalid.path("line").asLong()
                  + customId
                  + " refused: "
                  + invalid.path("code").asString("")
                  + ": "
                  + invalid.path("detail").asString(""));
    }
  }

  private String query() {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    if (allOrNothing) {
      query.add("all_or_nothing=true");
    }
    if (webhookUrl != null) {
      query.add("webhook_url=" + encode(webhookUrl));
    }
    metadata.forEach((key, value) -> query.add("metadata=" + encode(key + ":" + value)));
    return query.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
