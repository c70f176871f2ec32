package dev.agentq.worker.agent;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.worker.agent.digest.DocumentDigestAgent;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.fixture.LongDocuments;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StepLimits;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A document longer than one chunk: map steps per chunk, a final summary, within the budget. */
class LongDocumentIT {
  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private Job digest(int paragraphs, StepLimits limits) {
    var input = Json.object().put("document", LongDocuments.paragraphs(paragraphs));
    Job job = worker.submit(aDigestJob().withInput(input).build());
    worker
        .runner(new DocumentDigestAgent(LongDocuments.SETTINGS), limits)
        .run(worker.claim(job.id(), "worker-a"), new JobControl());
    return worker.job(job.id());
  }

  private static List<String> steps(int parts) {
    var names = new java.util.ArrayList<>(List.of("classify", "extract"));
    IntStream.rangeClosed(1, parts).forEach(i -> names.add("summarize-" + i));
    names.add("summarize");
    return names;
  }

  @Test
  void eachChunkIsSummarizedInACheckpointedStepThenThePartsTogether() {
    Job done = digest(5, StepLimits.DEFAULT);

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    String schema = AgentCatalog.find("document-digest").orElseThrow().outputSchema();
    assertThat(JsonSchemas.get().violations(schema, done.output())).isEmpty();
    assertThat(done.output().get("summary").asString()).isEqualTo("An invoice.");
    assertThat(done.output().get("truncated").asBoolean()).isFalse();
    assertThat(done.output().get("chunks_read").asInt()).isEqualTo(5);
    assertThat(done.output().get("chunks_total").asInt()).isEqualTo(5);
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name)
        .containsExactlyElementsOf(steps(5));

    List<RecordedRequest> requests = worker.openAi().requests();
    assertThat(requests)
        .extracting(RecordedRequest::responseSchemaName)
        .containsExactly(
            DigestModel.CLASSIFY,
            DigestModel.EXTRACT,
            DigestModel.PART,
            DigestModel.PART,
            DigestModel.PART,
            DigestModel.PART,
            DigestModel.PART,
            DigestModel.SUMMARIZE);
    assertThat(requests.get(0).lastUserMessage())
        .as("classify reads the first chunk only")
        .contains("Section 1 of the plan")
        .doesNotContain("Section 2 of the plan");
    assertThat(requests.get(1).lastUserMessage()).doesNotContain("Section 2 of the plan");
    for (int part = 1; part <= 5; part++) {
      RecordedRequest request = requests.get(1 + part);
      assertThat(DigestModel.partOf(request)).isEqualTo(part + " of 5");
      assertThat(request.lastUserMessage()).contains("Section " + part + " of the plan");
    }
    assertThat(requests.getLast().lastUserMessage())
        .containsSubsequence(
            "Summary of part 1 of 5.", "Summary of part 3 of 5.", "Summary of part 5 of 5.");
    assertThat(done.usage())
        .isEqualTo(
            DigestModel.CLASSIFY_USAGE
                .plus(DigestModel.EXTRACT_USAGE)
                .plus(new Usage(5 * 150, 5 * 25))
                .plus(DigestModel.SUMMARIZE_USAGE));
  }

  @Test
  void whenTheNextChunkWouldPassTheBudgetWhatWasReadIsSummarized() {
    // 287 tokens for classify and extract, 4,000 per chunk: after three chunks 213 are left,
    // enough for the final summary of three parts but not for a fourth chunk and then it.
    worker
        .model()
        .answer(
            DigestModel.PART,
            Reply.json("{\"summary\":\"A part.\",\"key_points\":[]}").withUsage(3_900, 100));

    Job done = digest(6, StepLimits.DEFAULT.withTokenBudget(12_500));

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.output().get("truncated").asBoolean()).isTrue();
    assertThat(done.output().get("chunks_read").asInt()).isEqualTo(3);
    assertThat(done.output().get("chunks_total").asInt()).isEqualTo(6);
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name)
        .containsExactlyElementsOf(steps(3));
    assertThat(worker.openAi().lastRequest().systemMessage())
        .contains("the first 3 of the 6 parts (the rest was not read)");
    long spent = done.usage().inputTokens() + done.usage().outputTokens();
    assertThat(spent).isLessThanOrEqualTo(12_500);
  }
}
