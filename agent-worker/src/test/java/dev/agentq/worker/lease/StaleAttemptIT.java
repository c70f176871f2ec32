package dev.agentq.worker.lease;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.JobStore;
import dev.agentq.store.LeaseLostException;
import dev.agentq.store.Outcome;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.model.StructuredOutput;
import dev.agentq.worker.step.DirectCheckpointWriter;
import dev.agentq.worker.step.DurableJobContext;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StepLimits;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Attempt 1 goes silent after one step, its lease expires, the reaper hands the job on, and attempt
 * 2 takes it. Whatever attempt 1 then tries to write is rejected, and changes nothing.
 */
class StaleAttemptIT {
  private final LocalWorker worker = new LocalWorker();
  private JobStore jobs;
  private UUID jobId;
  private Job attempt1;
  private DurableJobContext attempt1Context;

  @BeforeEach
  void attemptTwoTakesOverFromASilentAttemptOne() {
    jobs = worker.jobs();
    jobId = worker.submit(aDigestJob().build()).id();
    attempt1 = worker.claim(jobId, "worker-a");
    attempt1Context = contextOf(attempt1);
    attempt1Context.step(
        "classify", JsonNode.class, scope -> scope.chatJson(classifyRequest(), JsonNode.class));

    worker.clock().advance(LocalWorker.LEASE.plus(Duration.ofSeconds(1)));
    assertThat(jobs.reapExpiredLeases(10)).isEqualTo(new JobStore.ReapResult(1, 0));
    Job attempt2 = worker.claim(jobId, "worker-b");
    assertThat(attempt2.attempt()).isEqualTo(2);
  }

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private DurableJobContext contextOf(Job attempt) {
    return new DurableJobContext(
        attempt,
        jobs.checkpoints(attempt.id()),
        new DirectCheckpointWriter(jobs),
        jobs,
        worker.gateway(),
        worker.clock(),
        StepLimits.DEFAULT,
        new JobControl(),
        tool -> {});
  }

  /** A classification request as the digest would send it (its prompts are package-private). */
  private static ChatRequest classifyRequest() {
    JsonObjectSchema schema =
        JsonObjectSchema.builder()
            .addStringProperty("category")
            .addNumberProperty("confidence")
            .addStringProperty("language")
            .required("category", "confidence", "language")
            .additionalProperties(false)
            .build();
    return ChatRequest.builder()
        .messages(UserMessage.from("<document>\nInvoice INV-7\n</document>"))
        .responseFormat(StructuredOutput.jsonSchema(DigestModel.CLASSIFY, schema))
        .build();
  }

  /** What a write could have changed: the job, its checkpoints and events, the outbox. */
  private record Snapshot(
      Job job, List<Checkpoint> checkpoints, List<JobEvent> events, long outboxPending) {}

  private Snapshot snapshot() {
    return new Snapshot(
        worker.job(jobId),
        jobs.checkpoints(jobId),
        jobs.events(jobId, 0, 1000),
        worker.outbox().pending());
  }

  @Test
  void attemptOnesWritesAreRejectedAndChangeNothing() {
    Snapshot before = snapshot();
    Checkpoint extract =
        Checkpoint.step(
            1,
            "extract",
            1,
            Json.parse("{\"fields\":[]}"),
            DigestModel.MODEL,
            new Usage(1, 1),
            worker.clock().instant(),
            worker.clock().instant());

    assertThatThrownBy(() -> jobs.recordStep(jobId, 1, extract))
        .isInstanceOfSatisfying(
            LeaseLostException.class, e -> assertThat(e.attempt()).isEqualTo(1));
    assertThatThrownBy(
            () -> jobs.finish(jobId, 1, new Outcome.Succeeded(Json.object(), DigestModel.MODEL)))
        .isInstanceOf(LeaseLostException.class);
    assertThatThrownBy(
            () ->
                jobs.finish(
                    jobId,
                    1,
                    new Outcome.Failed(new ErrorInfo("agent_error", "stale", false, "extract"))))
        .isInstanceOf(LeaseLostException.class);
    assertThat(jobs.release(jobId, 1, "worker_shutdown")).isFalse();
    assertThat(jobs.heartbeat(Map.of(jobId, 1), "worker-a", LocalWorker.LEASE).renewed()).isEmpty();

    assertThat(snapshot()).isEqualTo(before);
    assertThat(before.job().status()).isEqualTo(JobState.RUNNING);
    assertThat(before.job().leaseOwner()).isEqualTo("worker-b");
  }

  @Test
  void attemptOnesNextStepIsRejectedThroughItsContext() {
    Snapshot before = snapshot();

    assertThatThrownBy(
            () ->
                attempt1Context.step(
                    "extract", JsonNode.class, scope -> Json.parse("{\"fields\":[]}")))
        .isInstanceOf(LeaseLostException.class);

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aStaleRunnerEndsWithoutWritingAndAttemptTwoFinishesTheJob() {
    Snapshot before = snapshot();

    worker.runner().run(attempt1, new JobControl());

    assertThat(snapshot()).as("attempt 1's whole run was fenced off").isEqualTo(before);

    worker.runner().run(worker.job(jobId), new JobControl());
    Job done = worker.job(jobId);
    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(worker.checkpoints(jobId))
        .extracting(Checkpoint::name, Checkpoint::attempt)
        .containsExactly(tuple("classify", 1), tuple("extract", 2), tuple("summarize", 2));

    assertThatThrownBy(
            () ->
                jobs.finish(
                    jobId,
                    1,
                    new Outcome.Failed(new ErrorInfo("agent_error", "stale", false, "extract"))))
        .as("an ended job is closed to every attempt")
        .isInstanceOf(LeaseLostException.class);
    assertThat(worker.job(jobId)).isEqualTo(done);
  }
}
