package dev.agentq.worker.agent;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.store.Job;
import dev.agentq.worker.agent.digest.DocumentDigestAgent;
import dev.agentq.worker.document.Pdfs;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.fixture.LongDocuments;
import dev.agentq.worker.model.ChatModelGateway;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.model.offline.OfflineChatModel;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StepLimits;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Without an API key, the offline model digests PDFs and long documents too. */
class OfflineDocumentsIT {
  private static final ModelGateway OFFLINE =
      new ChatModelGateway(new OfflineChatModel(), OfflineChatModel.MODEL_NAME, true);

  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private Job digest(ObjectNode input, StepLimits limits) {
    Job job = worker.submit(aDigestJob().withInput(input).build());
    worker
        .runner(new DocumentDigestAgent(LongDocuments.SETTINGS), limits, OFFLINE)
        .run(worker.claim(job.id(), "a"), new JobControl());
    Job done = worker.job(job.id());
    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.model()).isEqualTo(OfflineChatModel.MODEL_NAME);
    String schema = AgentCatalog.find("document-digest").orElseThrow().outputSchema();
    assertThat(JsonSchemas.get().violations(schema, done.output())).isEmpty();
    return done;
  }

  @Test
  void digestsAPdf() {
    byte[] pdf =
        Pdfs.of(
            List.of(
                List.of("INVOICE", "Invoice number: INV-2041"),
                List.of("Total amount due: 1,500.00 USD.")));
    var input = Json.object().put("content_base64", Base64.getEncoder().encodeToString(pdf));

    JsonNode output = digest(input, StepLimits.DEFAULT).output();

    assertThat(output.get("category").asString()).isEqualTo("invoice");
    assertThat(output.get("fields").get("invoice_number").asString()).isEqualTo("INV-2041");
  }

  @Test
  void digestsALongDocumentChunkByChunk() {
    var input =
        Json.object().put("document", LongDocuments.paragraphs(6)).put("format", "markdown");

    JsonNode output = digest(input, StepLimits.DEFAULT).output();

    assertThat(output.get("chunks_read").asInt()).isEqualTo(6);
    assertThat(output.get("truncated").asBoolean()).isFalse();
    String summary = output.get("summary").asString();
    assertThat(summary).as("sentences of the document").contains("thousand euros");
    assertThat(LongDocuments.paragraphs(6)).contains(summary.substring(0, summary.indexOf('.')));
  }

  @Test
  void stopsReadingWhereTheBudgetEnds() {
    var input = Json.object().put("document", LongDocuments.paragraphs(30));

    JsonNode output = digest(input, StepLimits.DEFAULT.withTokenBudget(3_000)).output();

    assertThat(output.get("truncated").asBoolean()).isTrue();
    assertThat(output.get("chunks_read").asInt()).isBetween(1, 29);
    assertThat(output.get("chunks_total").asInt()).isEqualTo(30);
  }
}
