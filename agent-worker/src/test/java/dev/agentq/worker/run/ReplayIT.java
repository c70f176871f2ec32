package dev.agentq.worker.run;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.worker.agent.Agent;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.step.JobContext;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StopReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A job stopped between steps and resumed by a second attempt, which replays the first. */
class ReplayIT {
  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  /** Attempt 1 runs until two steps are checkpointed; then the runner gives the job back. */
  private Job interruptedAfterTwoSteps() {
    Job job = worker.submit(aDigestJob().build());
    JobControl control = new JobControl();
    worker
        .openAi()
        .respondWith(
            request -> {
              if (DigestModel.EXTRACT.equals(request.responseSchemaName())) {
                // the worker is told to stop while extract runs: extract ends, summarize never
                // starts
                control.stop(StopReason.WORKER_SHUTDOWN);
              }
              return worker.model().reply(request);
            });
    worker.runner().run(worker.claim(job.id(), "worker-a"), control);
    worker.openAi().respondWith(worker.model());
    return worker.job(job.id());
  }

  @Test
  void aResumedJobRunsOnlyTheStepsItHadNotFinished() {
    Job released = interruptedAfterTwoSteps();

    assertThat(released.status()).isEqualTo(JobState.QUEUED);
    assertThat(released.attempt()).isEqualTo(1);
    assertThat(released.leaseOwner()).isNull();
    assertThat(worker.openAi().callCount()).isEqualTo(2);

    Job attempt2 = worker.claim(released.id(), "worker-b");
    assertThat(attempt2.attempt()).isEqualTo(2);
    worker.runner().run(attempt2, new JobControl());

    Job done = worker.job(released.id());
    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.model()).isEqualTo(DigestModel.MODEL);
    assertThat(done.output().get("category").asString()).isEqualTo("invoice");
    assertThat(done.output().get("fields"))
        .as("extract's recorded output, replayed")
        .isEqualTo(Json.parse("{\"invoice_number\":\"INV-7\"}"));
    assertThat(done.output().get("summary").asString()).isEqualTo("An invoice.");

    assertThat(worker.openAi().callCount()).as("classify and extract not asked again").isEqualTo(3);
    assertThat(worker.openAi().requests())
        .extracting(RecordedRequest::responseSchemaName)
        .containsExactlyElementsOf(DigestModel.SCHEMAS);
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name)
        .containsExactly("classify", "extract", "summarize");
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::attempt)
        .containsExactly(1, 1, 2);
    assertThat(done.usage())
        .isEqualTo(
            DigestModel.CLASSIFY_USAGE
                .plus(DigestModel.EXTRACT_USAGE)
                .plus(DigestModel.SUMMARIZE_USAGE));
    assertThat(worker.eventTypes(done.id()))
        .containsExactly(
            JobEvent.QUEUED,
            JobEvent.STARTED,
            JobEvent.STEP_COMPLETED,
            JobEvent.STEP_COMPLETED,
            JobEvent.RETRYING,
            JobEvent.STARTED,
            JobEvent.STEP_COMPLETED,
            JobEvent.SUCCEEDED);
  }

  @Test
  void anAgentThatTakesOtherStepsOnReplayFailsTheJob() {
    Job released = interruptedAfterTwoSteps();

    worker
        .runner(new ChangedDigest())
        .run(worker.claim(released.id(), "worker-b"), new JobControl());

    Job done = worker.job(released.id());
    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.error().code()).isEqualTo("nondeterministic_replay");
    assertThat(done.error().message()).contains("'extract'", "'translate'");
    assertThat(done.error().step()).isEqualTo("translate");
    assertThat(done.error().retryable()).isFalse();
    assertThat(worker.openAi().callCount()).as("nothing ran on attempt 2").isEqualTo(2);
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name, Checkpoint::attempt)
        .containsExactly(tuple("classify", 1), tuple("extract", 1));
    assertThat(worker.eventTypes(done.id())).last().isEqualTo(JobEvent.FAILED);
  }

  /**
   * {@code document-digest} as changed code would run it: after {@code classify} it takes a step
   * named {@code translate} where the recorded run took {@code extract}. No body may run: the first
   * step is replayed and the second diverges.
   */
  private static final class ChangedDigest implements Agent {
    @Override
    public String name() {
      return "document-digest";
    }

    @Override
    public JsonNode run(JobContext context) {
      JsonNode classification =
          context.step(
              "classify",
              JsonNode.class,
              scope -> {
                throw new AssertionError("classify was checkpointed and must not run again");
              });
      context.step(
          "translate",
          JsonNode.class,
          scope -> {
            throw new AssertionError("a step that diverges from the record must not run");
          });
      return classification;
    }
  }
}
