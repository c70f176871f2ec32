package dev.agentq.worker.agent;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.worker.agent.digest.DocumentDigestAgent;
import dev.agentq.worker.document.DocumentSettings;
import dev.agentq.worker.document.DocumentSource;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.fixture.LongDocuments;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StopReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** A long document's job stopped mid-map resumes at the next chunk, running no chunk twice. */
class LongDocumentReplayIT {
  private final LocalWorker worker = new LocalWorker();
  @TempDir Path documents;

  @AfterEach
  void tearDown() {
    worker.close();
  }

  /** Attempt 1 stops once the request for part 2 is made: parts 1 and 2 are checkpointed. */
  private Job stoppedAfterPartTwo(ObjectNode input, DocumentSettings settings) {
    Job job = worker.submit(aDigestJob().withInput(input).build());
    JobControl control = new JobControl();
    worker
        .openAi()
        .respondWith(
            request -> {
              if (DigestModel.partOf(request).startsWith("2 of")) {
                control.stop(StopReason.WORKER_SHUTDOWN);
              }
              return worker.model().reply(request);
            });
    worker.runner(new DocumentDigestAgent(settings)).run(worker.claim(job.id(), "a"), control);
    worker.openAi().respondWith(worker.model());
    assertThat(worker.job(job.id()).status()).isEqualTo(JobState.QUEUED);
    return job;
  }

  private Job resume(Job job, DocumentSettings settings) {
    worker
        .runner(new DocumentDigestAgent(settings))
        .run(worker.claim(job.id(), "b"), new JobControl());
    return worker.job(job.id());
  }

  @Test
  void aResumedJobSummarizesOnlyTheChunksItHadNotFinished() {
    var input = Json.object().put("document", LongDocuments.paragraphs(5));
    Job job = stoppedAfterPartTwo(input, LongDocuments.SETTINGS);
    assertThat(worker.openAi().callCount()).isEqualTo(4);

    Job done = resume(job, LongDocuments.SETTINGS);

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.output().get("chunks_read").asInt()).isEqualTo(5);
    assertThat(worker.openAi().requests().subList(4, worker.openAi().callCount()))
        .as("attempt 2 asked for parts 3 to 5 and the final summary only")
        .extracting(DigestModel::partOf)
        .containsExactly("3 of 5", "4 of 5", "5 of 5", "");
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name, Checkpoint::attempt)
        .containsExactly(
            tuple("classify", 1),
            tuple("extract", 1),
            tuple("summarize-1", 1),
            tuple("summarize-2", 1),
            tuple("summarize-3", 2),
            tuple("summarize-4", 2),
            tuple("summarize-5", 2),
            tuple("summarize", 2));
    assertThat(worker.openAi().lastRequest().lastUserMessage())
        .as("the replayed parts' summaries reach the final one")
        .contains("Summary of part 1 of 5.", "Summary of part 2 of 5.");
  }

  @Test
  void aFileTooLongToCheckpointIsReadAgainAndMustNotHaveChanged() throws IOException {
    Files.writeString(documents.resolve("plan.txt"), LongDocuments.paragraphs(5));
    DocumentSettings settings =
        LongDocuments.SETTINGS
            .withSource(DocumentSource.directory(documents))
            .withCheckpointChars(100);
    Job job = stoppedAfterPartTwo(Json.object().put("file", "plan.txt"), settings);
    Checkpoint read = worker.checkpoints(job.id()).getFirst();
    assertThat(read.name()).isEqualTo("read");
    assertThat(read.output().get("text").isNull()).as("only spans, no text").isTrue();
    assertThat(read.output().get("chunks")).hasSize(5);

    Files.writeString(documents.resolve("plan.txt"), LongDocuments.paragraphs(5) + " Amended.");
    Job done = resume(job, settings);

    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.error().code()).isEqualTo("document_changed");
    assertThat(done.error().step()).isEqualTo("summarize-3");
    assertThat(done.error().retryable()).isFalse();
    assertThat(worker.openAi().callCount()).as("nothing asked on attempt 2").isEqualTo(4);
  }

  @Test
  void anUnchangedFileTooLongToCheckpointResumes() throws IOException {
    Files.writeString(documents.resolve("plan.txt"), LongDocuments.paragraphs(5));
    DocumentSettings settings =
        LongDocuments.SETTINGS
            .withSource(DocumentSource.directory(documents))
            .withCheckpointChars(100);
    Job job = stoppedAfterPartTwo(Json.object().put("file", "plan.txt"), settings);

    Job done = resume(job, settings);

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name)
        .startsWith("read", "classify", "extract", "summarize-1")
        .endsWith("summarize-5", "summarize");
    assertThat(worker.openAi().requests())
        .filteredOn(r -> DigestModel.partOf(r).equals("4 of 5"))
        .singleElement()
        .extracting(RecordedRequest::lastUserMessage)
        .asString()
        .contains("Section 4 of the plan");
  }
}
