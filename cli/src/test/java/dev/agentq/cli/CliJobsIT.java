package dev.agentq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The job commands against a real agentq (API, worker, Kafka, Postgres), over real HTTP. */
class CliJobsIT {
  private static final String INVOICE =
      "{\"document\": \"INVOICE #INV-2041. Bill to: Acme Corp. Total due: $1,500.00.\"}";

  private static TestAgentq agentq;

  @BeforeAll
  static void start() {
    agentq = TestAgentq.shared();
  }

  @Test
  void submitWaitFollowsTheJobAndPrintsItsResult() {
    Run run =
        Run.of(
            agentq.env(),
            "submit",
            "--agent",
            "document-digest",
            "--input",
            INVOICE,
            "--metadata",
            "source=cli-it",
            "--wait",
            "--timeout",
            "2m");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    JsonNode result = Json.parse(run.out());
    assertThat(result.get("status").asString()).isEqualTo("succeeded");
    assertThat(result.at("/output/category").asString()).isEqualTo("invoice");
    assertThat(run.err()).contains("job.queued", "job.started", "job.succeeded");
  }

  @Test
  void aJobThatFailsExits1WithItsResult() {
    Run run =
        Run.of(
            agentq.env(),
            "submit",
            "--agent",
            "document-digest",
            "--input",
            "{\"file\": \"no-such-document.txt\"}",
            "--wait");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILED);
    JsonNode result = Json.parse(run.out());
    assertThat(result.get("status").asString()).isEqualTo("failed");
    assertThat(result.at("/error/code").asString()).isNotBlank();
    assertThat(run.err()).contains("job.failed");
  }

  @Test
  void submitPrintsTheIdThatStatusResultAndWatchTake(@TempDir Path dir) throws Exception {
    Path input = Files.writeString(dir.resolve("input.json"), INVOICE);
    Run submitted =
        Run.of(agentq.env(), "submit", "--agent", "document-digest", "--input", "@" + input);
    assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
    String id = submitted.out().strip();
    assertThat(id).matches("[0-9a-f-]{36}");

    Run watched = Run.of(agentq.env(), "watch", id);
    assertThat(watched.exitCode()).as(watched.toString()).isZero();
    assertThat(watched.out().lines().findFirst().orElseThrow()).contains("job.queued");
    assertThat(watched.out().lines().reduce((a, b) -> b).orElseThrow()).contains("job.succeeded");

    Run status = Run.of(agentq.env(), "status", id);
    assertThat(status.exitCode()).isZero();
    assertThat(Json.parse(status.out()).get("status").asString()).isEqualTo("succeeded");

    Run result = Run.of(agentq.env(), "result", id);
    assertThat(result.exitCode()).isZero();
    assertThat(Json.parse(result.out()).get("id").asString()).isEqualTo(id);

    Run again = Run.of(agentq.env(), "watch", id, "--json");
    assertThat(again.exitCode()).as("a watch after the end replays the events").isZero();
    assertThat(again.out().lines().map(Json::parse).map(e -> e.get("type").asString()))
        .startsWith("job.queued")
        .endsWith("job.succeeded");
  }

  @Test
  void aCancelledJobEndsWatchAndSubmitWaitWithExit5() throws Exception {
    String slow = "{\"document\": \"SLOW INVOICE #INV-5. Total due: $5.00.\"}";
    String[] submit = {
      "submit", "--agent", "document-digest", "--input", slow, "--idempotency-key", "cli-it-cancel"
    };
    String id = Run.of(agentq.env(), submit).out().strip();
    var watching = CompletableFuture.supplyAsync(() -> Run.of(agentq.env(), "watch", id));
    // the same key and body answer with the same job, which --wait then follows
    String[] submitAndWait = Arrays.copyOf(submit, submit.length + 1);
    submitAndWait[submit.length] = "--wait";
    var waiting = CompletableFuture.supplyAsync(() -> Run.of(agentq.env(), submitAndWait));

    Run cancel = Run.of(agentq.env(), "cancel", id);
    assertThat(cancel.exitCode()).as(cancel.toString()).isZero();
    assertThat(Json.parse(cancel.out()).get("id").asString()).isEqualTo(id);

    Run watched = watching.get(60, TimeUnit.SECONDS);
    assertThat(watched.exitCode()).as(watched.toString()).isEqualTo(ExitCode.CANCELLED);
    assertThat(watched.out()).contains("job.cancelled");
    Run waited = waiting.get(60, TimeUnit.SECONDS);
    assertThat(waited.exitCode()).as(waited.toString()).isEqualTo(ExitCode.CANCELLED);
    assertThat(Json.parse(waited.out()).get("status").asString()).isEqualTo("cancelled");

    Run late = Run.of(agentq.env(), "result", id);
    assertThat(late.exitCode()).isEqualTo(ExitCode.CANCELLED);
  }

  @Test
  void cancellingAJobThatEndedIsRefused() {
    String id =
        Run.of(agentq.env(), "submit", "--agent", "document-digest", "--input", INVOICE)
            .out()
            .strip();
    assertThat(Run.of(agentq.env(), "watch", id).exitCode()).isZero();
    Run cancel = Run.of(agentq.env(), "cancel", id);
    assertThat(cancel.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(cancel.err()).contains("job_already_ended", "(HTTP 409)");
  }

  @Test
  void theSameIdempotencyKeyAnswersWithTheSameJob() {
    String[] args = {
      "submit", "--agent", "document-digest", "--input", INVOICE, "--idempotency-key", "cli-it-1"
    };
    Run first = Run.of(agentq.env(), args);
    Run second = Run.of(agentq.env(), args);
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(second.out()).isEqualTo(first.out());

    Run reused =
        Run.of(
            agentq.env(),
            "submit",
            "--agent",
            "document-digest",
            "--input",
            "{\"document\": \"another body\"}",
            "--idempotency-key",
            "cli-it-1");
    assertThat(reused.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(reused.err()).contains("idempotency_key_reused", "(HTTP 409)");
  }

  @Test
  void refusalsExitWith3AndPrintTheProblemCodeAndDetail() {
    Run unknownAgent = Run.of(agentq.env(), "submit", "--agent", "nobody", "--input", "{}");
    assertThat(unknownAgent.exitCode()).as(unknownAgent.toString()).isEqualTo(ExitCode.REFUSED);
    assertThat(unknownAgent.err()).contains("agentq: unknown_agent: ", "(HTTP 400)");

    Run invalid =
        Run.of(agentq.env(), "submit", "--agent", "document-digest", "--input", "{\"x\": 1}");
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(invalid.err()).contains("invalid_input", "/input");

    Run missing = Run.of(agentq.env(), "result", "0192f3c4-0000-7000-8000-000000000009");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(missing.err()).contains("job_not_found", "(HTTP 404)");

    Map<String, String> wrongKey = new HashMap<>(agentq.env());
    wrongKey.put("AGENTQ_API_KEY", "aq_not_a_key_of_anyone_000000");
    Run refused = Run.of(wrongKey, "status", "0192f3c4-0000-7000-8000-000000000009");
    assertThat(refused.exitCode()).isEqualTo(ExitCode.REFUSED);
    assertThat(refused.err()).contains("invalid_api_key", "(HTTP 401)");

    wrongKey.remove("AGENTQ_API_KEY");
    assertThat(Run.of(wrongKey, "status", "0192f3c4-0000-7000-8000-000000000009").err())
        .contains("missing_api_key");
  }

  @Test
  void watchResumesADroppedConnectionWithLastEventIdAndPrintsEachEventOnce() throws Exception {
    String id =
        Run.of(agentq.env(), "submit", "--agent", "document-digest", "--input", INVOICE)
            .out()
            .strip();
    try (var proxy = CuttingProxy.to(agentq.baseUrl()).cutOnceAfter("job.queued")) {
      Run run = Run.of(agentq.env(), "watch", id, "--json", "--api-url", proxy.baseUrl());

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(proxy.hasCut()).isTrue();
      assertThat(run.err()).contains("the event stream was cut");
      assertThat(proxy.requests()).anyMatch(request -> request.contains("Last-Event-ID: "));
      var events = run.out().lines().map(Json::parse).toList();
      assertThat(events.stream().map(e -> e.get("type").asString()))
          .startsWith("job.queued", "job.started")
          .endsWith("job.succeeded");
      var uncut = Run.of(agentq.env(), "watch", id, "--json").out().lines().map(Json::parse);
      assertThat(events.stream().map(e -> e.get("id").asLong()))
          .as("every event once, in order, as a watch without a cut sees them")
          .containsExactlyElementsOf(uncut.map(e -> e.get("id").asLong()).toList())
          .isSorted();
    }
  }

  @Test
  void watchGivesUpAtItsTimeoutWhenTheStreamHangs() throws Exception {
    String id =
        Run.of(agentq.env(), "submit", "--agent", "document-digest", "--input", INVOICE)
            .out()
            .strip();
    try (var proxy = CuttingProxy.to(agentq.baseUrl()).stallAfter("job.queued")) {
      long started = System.nanoTime();
      Run run = Run.of(agentq.env(), "watch", id, "--timeout", "2s", "--api-url", proxy.baseUrl());

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.TIMEOUT);
      assertThat(run.err()).contains("gave up waiting for the job to end after 2s");
      assertThat(run.out()).contains("job.queued").doesNotContain("job.succeeded");
      assertThat(System.nanoTime() - started)
          .isLessThan(java.time.Duration.ofSeconds(30).toNanos());
    }
  }
}
