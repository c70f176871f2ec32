package dev.agentq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The batch commands against a real agentq (API, worker, Kafka, Postgres), over real HTTP. */
class CliBatchesIT {
  private static TestAgentq agentq;

  @BeforeAll
  static void start() {
    agentq = TestAgentq.shared();
  }

  @Test
  void aDirectoryGoesInlineAndItsResultsComeBackAsJsonlInLineOrder(@TempDir Path dir)
      throws IOException {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.createDirectories(docs.resolve("2026/11"));
    Files.writeString(docs.resolve("a.txt"), "INVOICE #INV-1. Total due: $10.00.");
    Files.writeString(docs.resolve("b.md"), "# Contract\nThis agreement is between Acme and Bob.");
    Files.writeString(docs.resolve("2026/11/c.html"), "<html><body>INVOICE #INV-3</body></html>");

    Run submitted =
        Run.of(
            agentq.env(),
            "batch",
            "submit",
            docs.toString(),
            "--agent",
            "document-digest",
            "--metadata",
            "source=cli-it",
            "--wait",
            "--timeout",
            "3m",
            "--poll-interval",
            "200ms");

    assertThat(submitted.exitCode()).as(submitted.toString()).isEqualTo(ExitCode.OK);
    String id = submitted.out().strip();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(submitted.err())
        .contains("sending 3 files")
        .contains("3/3  ETA 0s  succeeded 3  failed 0")
        .contains("batch " + id + " completed: 3 succeeded, 0 failed");
    assertThat(submitted.err()).doesNotContain("\r").doesNotContain("\u001b");

    Run results = Run.of(agentq.env(), "batch", "results", id);
    assertThat(results.exitCode()).as(results.toString()).isZero();
    Path out = Files.writeString(dir.resolve("out.jsonl"), results.out(), StandardCharsets.UTF_8);
    List<JsonNode> lines = Files.readAllLines(out).stream().map(Json::parse).toList();
    assertThat(lines)
        .extracting(line -> line.get("custom_id").asString())
        .containsExactly("2026/11/c.html", "a.txt", "b.md");
    assertThat(lines)
        .allSatisfy(line -> assertThat(line.get("status").asString()).isEqualTo("succeeded"));
    assertThat(lines.get(1).at("/output/category").asString()).isEqualTo("invoice");

    Run status = Run.of(agentq.env(), "batch", "status", id);
    assertThat(status.exitCode()).isZero();
    JsonNode batch = Json.parse(status.out());
    assertThat(batch.get("status").asString()).isEqualTo("completed");
    assertThat(batch.at("/metadata/source").asString()).isEqualTo("cli-it");

    Run cancel = Run.of(agentq.env(), "batch", "cancel", id);
    assertThat(cancel.exitCode()).as("a finished batch").isEqualTo(ExitCode.REFUSED);
    assertThat(cancel.err()).contains("batch_finished", "(HTTP 409)");
  }

  @Test
  void fileReferencesThatFailExit1AndErrorsOnlyListsThem() throws IOException {
    Path docs = Files.createDirectories(agentq.documents().resolve("refs"));
    Files.writeString(docs.resolve("one.txt"), "INVOICE #INV-11. Total due: $11.00.");
    Files.writeString(docs.resolve("two.txt"), "INVOICE #INV-12. Total due: $12.00.");

    Run found =
        Run.of(
            agentq.env(),
            "batch",
            "submit",
            docs.toString(),
            "--agent",
            "document-digest",
            "--as-file-reference",
            "--file-prefix",
            "refs/",
            "--wait",
            "--progress",
            "bar",
            "--poll-interval",
            "200ms");
    assertThat(found.exitCode()).as(found.toString()).isZero();
    assertThat(found.err()).contains("\r[").contains("2/2");

    // without the prefix, the references name files the documents directory does not have
    Run missing =
        Run.of(
            agentq.env(),
            "batch",
            "submit",
            docs.toString(),
            "--agent",
            "document-digest",
            "--as-file-reference",
            "--wait",
            "--poll-interval",
            "200ms");
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCode.FAILED);
    assertThat(missing.err()).contains("0 succeeded, 2 failed");

    Run errors = Run.of(agentq.env(), "batch", "results", missing.out().strip(), "--errors-only");
    assertThat(errors.exitCode()).isZero();
    List<JsonNode> lines = errors.out().lines().map(Json::parse).toList();
    assertThat(lines)
        .extracting(l -> l.get("custom_id").asString())
        .containsExactly("one.txt", "two.txt");
    assertThat(lines).allSatisfy(l -> assertThat(l.at("/error/code").asString()).isNotBlank());
  }

  @Test
  void invalidLinesAreReportedAndMakeTheBatchExit1(@TempDir Path docs) throws IOException {
    Files.writeString(docs.resolve("good.txt"), "INVOICE #INV-21. Total due: $21.00.");
    Files.writeString(docs.resolve("empty.txt"), "");

    Run run =
        Run.of(
            agentq.env(),
            "batch",
            "submit",
            docs.toString(),
            "--agent",
            "document-digest",
            "--wait",
            "--poll-interval",
            "200ms");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
    assertThat(run.err()).contains("line 1 (empty.txt) refused: invalid_input");
    assertThat(run.err()).contains("1 succeeded, 0 failed, 0 cancelled, 1 invalid lines");

    Run allOrNothing =
        Run.of(
            agentq.env(),
            "batch",
            "submit",
            docs.toString(),
            "--agent",
            "document-digest",
            "--all-or-nothing");
    assertThat(allOrNothing.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(allOrNothing.err()).contains("batch_invalid_lines", "(HTTP 422)");
    assertThat(allOrNothing.out()).isEmpty();
  }

  @Test
  void aCancelledBatchEndsTheWaitForItWithExit5(@TempDir Path docs) throws Exception {
    Files.writeString(docs.resolve("slow-1.txt"), "SLOW INVOICE #INV-41. Total due: $41.00.");
    Files.writeString(docs.resolve("slow-2.txt"), "SLOW INVOICE #INV-42. Total due: $42.00.");
    Run submitted =
        Run.of(agentq.env(), "batch", "submit", docs.toString(), "--agent", "document-digest");
    assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
    String id = submitted.out().strip();
    var waiting =
        CompletableFuture.supplyAsync(
            () ->
                Run.of(
                    agentq.env(),
                    "batch",
                    "status",
                    id,
                    "--wait",
                    "--poll-interval",
                    "200ms",
                    "--progress",
                    "lines"));

    Run cancel = Run.of(agentq.env(), "batch", "cancel", id);
    assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
    assertThat(Json.parse(cancel.out()).get("status").asString()).isIn("cancelling", "cancelled");

    Run waited = waiting.get(90, TimeUnit.SECONDS);
    assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(ExitCode.CANCELLED);
    assertThat(Json.parse(waited.out()).get("status").asString()).isEqualTo("cancelled");
    assertThat(waited.err())
        .contains("batch " + id + " cancelled: 0 succeeded, 0 failed, 2 cancelled");
  }

  @Test
  void waitingPastTheTimeoutExits6AndUnknownBatchesAreRefused(@TempDir Path docs)
      throws IOException {
    Files.writeString(docs.resolve("x.txt"), "INVOICE #INV-31. Total due: $31.00.");
    Run run =
        Run.of(
            agentq.env(),
            "batch",
            "submit",
            docs.toString(),
            "--agent",
            "document-digest",
            "--wait",
            "--timeout",
            "1ms");
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TIMEOUT);
    assertThat(run.out().strip()).as("the id is printed before the wait").matches("[0-9a-f-]{36}");
    assertThat(run.err()).contains("gave up waiting for batch");

    Run unknown = Run.of(agentq.env(), "batch", "status", "0192f3c4-0000-7000-8000-0000000000aa");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(unknown.err()).contains("batch_not_found", "(HTTP 404)");
  }
}
