package dev.agentq.worker.agent;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.worker.agent.digest.DocumentDigestAgent;
import dev.agentq.worker.document.DocumentSettings;
import dev.agentq.worker.document.DocumentSource;
import dev.agentq.worker.document.Pdfs;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.step.JobControl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** Documents in every format and from every source reach the model as plain text. */
class DocumentFormatsIT {
  private static final byte[] PDF =
      Pdfs.of(
          List.of(
              List.of("INVOICE INV-2041", "Bill to: Acme Corp."),
              List.of("Total amount due: 1,500.00 EUR."),
              List.of("Payable by 2026-12-02.")));

  private final LocalWorker worker = new LocalWorker();
  @TempDir Path root;
  private DocumentSettings settings;

  @BeforeEach
  void documents() throws IOException {
    Path documents = Files.createDirectories(root.resolve("documents/2026"));
    Files.write(documents.resolve("inv-2041.pdf"), PDF);
    Files.writeString(root.resolve("secret.txt"), "secret");
    Files.createSymbolicLink(documents.resolve("escape.txt"), root.resolve("secret.txt"));
    settings =
        DocumentSettings.DEFAULT.withSource(DocumentSource.directory(root.resolve("documents")));
  }

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private Job digest(ObjectNode input, DocumentSettings with) {
    Job job = worker.submit(aDigestJob().withInput(input).build());
    worker.runner(new DocumentDigestAgent(with)).run(worker.claim(job.id(), "a"), new JobControl());
    return worker.job(job.id());
  }

  private List<String> documentsSent() {
    return worker.openAi().requests().stream().map(RecordedRequest::lastUserMessage).toList();
  }

  @Test
  void aPdfFileIsReadInAStepOfItsOwnThenDigested() {
    Job done = digest(Json.object().put("file", "2026/inv-2041.pdf"), settings);

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(worker.checkpoints(done.id()))
        .extracting(Checkpoint::name)
        .containsExactly("read", "classify", "extract", "summarize");
    Checkpoint read = worker.checkpoints(done.id()).getFirst();
    assertThat(read.output().get("format").asString()).isEqualTo("pdf");
    assertThat(read.output().get("text").asString())
        .contains("INVOICE INV-2041", "1,500.00 EUR", "Payable by 2026-12-02.");
    assertThat(documentsSent())
        .hasSize(3)
        .allSatisfy(sent -> assertThat(sent).contains("Bill to: Acme Corp.", "2026-12-02"));
    assertThat(done.output().has("chunks_read")).as("one chunk: no map steps").isFalse();
  }

  @Test
  void pdfBytesInTheInputAreReadToo() {
    var input = Json.object().put("content_base64", Base64.getEncoder().encodeToString(PDF));

    Job done = digest(input.put("title", "Acme invoice"), DocumentSettings.DEFAULT);

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(worker.checkpoints(done.id()).getFirst().name()).isEqualTo("read");
    assertThat(documentsSent().getFirst()).contains("Acme invoice\n\nINVOICE INV-2041");
  }

  @Test
  void inlineHtmlAndMarkdownReachTheModelWithoutMarkup() {
    var html = "<html><body><h1>Notice</h1><p>Prices <b>rise</b>.</p><script>x()</script>";
    Job page = digest(Json.object().put("document", html), DocumentSettings.DEFAULT);
    var markdown = Json.object().put("document", "# Notice\n\nPrices **rise**.");
    Job notes = digest(markdown.put("format", "markdown"), DocumentSettings.DEFAULT);

    assertThat(List.of(page, notes)).extracting(Job::status).containsOnly(JobState.SUCCEEDED);
    assertThat(worker.checkpoints(page.id()))
        .extracting(Checkpoint::name)
        .containsExactly("classify", "extract", "summarize");
    assertThat(documentsSent())
        .hasSize(6)
        .allSatisfy(
            sent ->
                assertThat(sent)
                    .contains("Notice\n\nPrices rise.")
                    .doesNotContain("<h1>", "<b>", "**", "x()", "#"));
  }

  @Test
  void fileReferencesLeavingTheDirectoryFailTheJobBeforeAnyModelCall() {
    Job escaping = digest(Json.object().put("file", "2026/escape.txt"), settings);
    Job traversing = digest(Json.object().put("file", "../secret.txt"), settings);
    Job turnedOff =
        digest(Json.object().put("file", "2026/inv-2041.pdf"), DocumentSettings.DEFAULT);

    assertThat(List.of(escaping, traversing, turnedOff))
        .allSatisfy(
            job -> {
              assertThat(job.status()).isEqualTo(JobState.FAILED);
              assertThat(job.error().code()).isEqualTo("document_not_allowed");
              assertThat(job.error().step()).isEqualTo("read");
              assertThat(job.error().retryable()).isFalse();
              assertThat(job.error().message()).doesNotContain(root.toString());
            });
    assertThat(worker.openAi().callCount()).isZero();
  }
}
