package dev.agentq.worker.run;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.step.JobControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One attempt of a {@code document-digest} job, run by the real runner against real parts. */
class JobRunnerIT {
  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private Job runToEnd() {
    Job job = worker.submit(aDigestJob().build());
    worker.runner().run(worker.claim(job.id(), "worker-a"), new JobControl());
    return worker.job(job.id());
  }

  @Test
  void aDigestJobSucceedsWithEveryStepCheckpointed() {
    Job done = runToEnd();

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.error()).isNull();
    assertThat(done.model()).isEqualTo(DigestModel.MODEL);
    assertThat(done.leaseOwner()).isNull();
    String outputSchema = AgentCatalog.find("document-digest").orElseThrow().outputSchema();
    assertThat(JsonSchemas.get().violations(outputSchema, done.output())).isEmpty();
    assertThat(done.output())
        .isEqualTo(
            Json.parse(
                """
                {"category":"invoice","confidence":0.9,"language":"en",
                 "fields":{"invoice_number":"INV-7"},
                 "summary":"An invoice.","key_points":["INV-7"]}
                """));

    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::seq, Checkpoint::name, Checkpoint::attempt, Checkpoint::usage)
        .containsExactly(
            tuple(0, "classify", 1, DigestModel.CLASSIFY_USAGE),
            tuple(2, "extract", 1, DigestModel.EXTRACT_USAGE),
            tuple(4, "summarize", 1, DigestModel.SUMMARIZE_USAGE));
    assertThat(worker.allCheckpoints(done.id()))
        .as("each step's model call is a checkpoint of its own, inside the step")
        .extracting(Checkpoint::seq, Checkpoint::kind, Checkpoint::parentSeq)
        .contains(
            tuple(1, Checkpoint.Kind.MODEL, 0),
            tuple(3, Checkpoint.Kind.MODEL, 2),
            tuple(5, Checkpoint.Kind.MODEL, 4));
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::model)
        .containsOnly(DigestModel.MODEL);
    assertThat(done.usage())
        .isEqualTo(
            DigestModel.CLASSIFY_USAGE
                .plus(DigestModel.EXTRACT_USAGE)
                .plus(DigestModel.SUMMARIZE_USAGE));

    assertThat(worker.openAi().callCount()).isEqualTo(3);
    assertThat(worker.openAi().requests())
        .extracting(RecordedRequest::responseFormatType, RecordedRequest::responseSchemaName)
        .containsExactly(
            tuple("json_schema", DigestModel.CLASSIFY),
            tuple("json_schema", DigestModel.EXTRACT),
            tuple("json_schema", DigestModel.SUMMARIZE));
    assertThat(worker.openAi().requests())
        .allSatisfy(
            request -> {
              assertThat(request.model()).isEqualTo(DigestModel.MODEL);
              assertThat(request.body().at("/response_format/json_schema/strict").asBoolean())
                  .isTrue();
              assertThat(request.lastUserMessage()).contains(done.id().toString());
            });

    assertThat(worker.eventTypes(done.id()))
        .containsExactly(
            JobEvent.QUEUED,
            JobEvent.STARTED,
            JobEvent.STEP_COMPLETED,
            JobEvent.STEP_COMPLETED,
            JobEvent.STEP_COMPLETED,
            JobEvent.SUCCEEDED);
  }

  @Test
  void aRequestTheModelRejectsFailsTheJobForGoodInItsStep() {
    worker
        .model()
        .answer(
            DigestModel.SUMMARIZE,
            Reply.error(400, "invalid_request_error", "Invalid schema for response_format"));

    Job done = runToEnd();

    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.output()).isNull();
    ErrorInfo error = done.error();
    assertThat(error.code()).isEqualTo("model_rejected_request");
    assertThat(error.step()).isEqualTo("summarize");
    assertThat(error.retryable()).isFalse();
    assertThat(worker.openAi().callCount()).as("no client retries of a 400").isEqualTo(3);
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name)
        .containsExactly("classify", "extract");
    assertThat(done.usage()).isEqualTo(DigestModel.CLASSIFY_USAGE.plus(DigestModel.EXTRACT_USAGE));
    assertThat(worker.eventTypes(done.id())).last().isEqualTo(JobEvent.FAILED);
  }

  @Test
  void aReplyThatIsNotJsonFailsTheJobAsInvalidModelOutput() {
    worker.model().answer(DigestModel.CLASSIFY, Reply.text("Sure! This looks like an invoice."));

    Job done = runToEnd();

    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.error().code()).isEqualTo("model_output_invalid");
    assertThat(done.error().step()).isEqualTo("classify");
    assertThat(done.error().retryable()).isFalse();
    assertThat(worker.openAi().callCount()).as("the reply, then two repair prompts").isEqualTo(3);
    assertThat(worker.openAi().requests().get(1).lastUserMessage())
        .startsWith("That reply could not be used: the model's reply is not JSON");
    assertThat(worker.checkpoints(done.id())).as("the step never finished").isEmpty();
    assertThat(worker.allCheckpoints(done.id()))
        .extracting(Checkpoint::kind)
        .containsOnly(Checkpoint.Kind.MODEL);
  }

  @Test
  void jsonOfTheWrongShapeFailsTheJobAsInvalidModelOutput() {
    worker
        .model()
        .answer(DigestModel.SUMMARIZE, Reply.json("{\"summary\":\"\",\"key_points\":[]}"));

    Job done = runToEnd();

    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.error().code()).isEqualTo("model_output_invalid");
    assertThat(done.error().step()).isEqualTo("summarize");
    assertThat(done.error().retryable()).isFalse();
    assertThat(worker.checkpoints(done.id())).hasSize(2);
  }
}
