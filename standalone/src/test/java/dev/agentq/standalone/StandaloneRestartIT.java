package dev.agentq.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.testkit.openai.FakeOpenAiServer;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code kill -9} of the standalone JVM, then a restart on the same data: finished jobs are still
 * served, and a job caught in the middle finishes on the next run without repeating the step it had
 * already checkpointed. The embedded Postgres left running by the killed JVM is found and stopped,
 * not fought with.
 */
class StandaloneRestartIT {
  private static final Map<String, String> FAST_LEASES =
      Map.of(
          "AGENTQ_WORKER_LEASE", "4s",
          "AGENTQ_WORKER_HEARTBEAT", "1s",
          "AGENTQ_WORKER_REAPERINTERVAL", "1s");

  private final AtomicReference<Duration> extractDelay = new AtomicReference<>(Duration.ZERO);
  private FakeOpenAiServer model;
  private Standalone running;

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void jobsSurviveAKillAndAJobCaughtMidwayResumesFromItsCheckpoint() throws Exception {
    DigestReplies replies = new DigestReplies();
    model =
        FakeOpenAiServer.start()
            .respondWith(
                request -> {
                  Reply reply = replies.reply(request);
                  return "document_fields".equals(request.responseSchemaName())
                      ? reply.withDelay(extractDelay.get())
                      : reply;
                });
    Path home = Files.createTempDirectory("agentq-restart-").resolve("home");
    Map<String, String> env = new java.util.HashMap<>(FAST_LEASES);
    env.putAll(
        Map.of(
            "OPENAI_API_KEY", "sk-test-restart",
            "OPENAI_BASE_URL", model.baseUrl(),
            "AGENTQ_MODEL", "gpt-restart"));

    running = Standalone.start(home, env);
    String finished = running.submitDigest("Finished before the crash: invoice INV-1.");
    assertThat(running.awaitEnd(finished, Duration.ofSeconds(60))).isEqualTo("succeeded");
    JsonNode finishedResult = running.getJson("/v1/jobs/" + finished + "/result");

    extractDelay.set(Duration.ofMinutes(5));
    String caught = running.submitDigest("Caught in the middle: invoice INV-2.");
    await("the caught job is inside its extract step")
        .atMost(Duration.ofSeconds(60))
        .until(() -> calls("document_fields", "INV-2") == 1);
    running.kill9();

    extractDelay.set(Duration.ZERO);
    running = Standalone.start(home, env);
    assertThat(running.log()).contains("still running on");

    assertThat(running.getJson("/v1/jobs/" + finished + "/result")).isEqualTo(finishedResult);
    assertThat(running.awaitEnd(caught, Duration.ofSeconds(90))).isEqualTo("succeeded");

    JsonNode result = running.getJson("/v1/jobs/" + caught + "/result");
    assertThat(
            result
                .get("steps")
                .valueStream()
                .map(s -> s.get("name").asString() + "@" + s.get("attempt").asInt()))
        .containsExactly("classify@1", "extract@2", "summarize@2");
    assertThat(calls("document_classification", "INV-2"))
        .as("classify never ran again")
        .isEqualTo(1);
    assertThat(calls("document_fields", "INV-2")).as("the unfinished step ran again").isEqualTo(2);
    assertThat(calls("document_summary", "INV-2")).isEqualTo(1);
    assertThat(running.getJson("/v1/jobs/" + caught).get("attempt").asInt()).isEqualTo(2);

    running.close();
    running = null;
    assertThat(home.resolve("postgres").resolve("postmaster.pid"))
        .as("a graceful stop stops the embedded Postgres too")
        .doesNotExist();
  }

  private long calls(String schema, String documentMarker) {
    return model.requests().stream()
        .filter(r -> schema.equals(r.responseSchemaName()))
        .map(RecordedRequest::lastUserMessage)
        .filter(text -> text.contains(documentMarker))
        .count();
  }
}
