package dev.agentq.api.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.api.job.JobIds;
import dev.agentq.api.problem.ApiProblem;
import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchCancel;
import dev.agentq.store.batches.BatchChunk;
import dev.agentq.store.batches.BatchChunks;
import dev.agentq.store.batches.BatchCounts;
import dev.agentq.store.batches.BatchLine;
import dev.agentq.store.batches.BatchPage;
import dev.agentq.store.batches.BatchResult;
import dev.agentq.store.batches.BatchStatus;
import dev.agentq.store.batches.BatchStore;
import dev.agentq.store.batches.InvalidLine;
import dev.agentq.store.batches.NewBatch;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The intake's reading and checking of lines, over a store that only records the chunks. */
class BatchIntakeTest {
  private final RecordingStore store = new RecordingStore();
  private int wakes;
  private final BatchIntake intake =
      new BatchIntake(
          store,
          new JobIds(Clock.systemUTC()),
          () -> wakes++,
          3,
          new BatchLimits(5, 1_000_000, 200),
          WebhookUrlPolicy.STRICT);

  private static String line(String customId) {
    return "{\"custom_id\":\""
        + customId
        + "\",\"agent\":\"document-digest\",\"input\":{\"document\":\"x\"}}";
  }

  @Test
  void linesAreNumberedAsWrittenBlankOnesIncluded() {
    String jsonl =
        line("a") + "\r\n\n" + "x".repeat(300) + "\n" + line("b") + "\n" + line("a") + "\n";
    intake.submit("default", new StringReader(jsonl), BatchOptions.defaults());

    assertThat(store.lines()).extracting(BatchLine::line).containsExactly(1, 4);
    assertThat(store.lines()).extracting(BatchLine::customId).containsExactly("a", "b");
    assertThat(store.lines().getFirst().job().maxAttempts()).isEqualTo(3);
    assertThat(store.invalid()).extracting(InvalidLine::line).containsExactly(3, 5);
    assertThat(store.invalid())
        .extracting(InvalidLine::code)
        .containsExactly("invalid_jsonl_line", "duplicate_custom_id");
    assertThat(store.invalid().getFirst().detail()).contains("longer than 200 characters");
    assertThat(wakes).isPositive();
  }

  @Test
  void aLastLineWithoutNewlineCounts() {
    intake.submit(
        "default", new StringReader(line("a") + "\n" + line("b")), BatchOptions.defaults());
    assertThat(store.lines()).extracting(BatchLine::line).containsExactly(1, 2);
  }

  @Test
  void moreLinesThanTheLimitAbortTheIntake() {
    StringBuilder six = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      six.append(line("c" + i)).append('\n');
    }
    assertThatThrownBy(
            () ->
                intake.submit("default", new StringReader(six.toString()), BatchOptions.defaults()))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.code()).isEqualTo("batch_too_large"));
  }

  @Test
  void allOrNothingStoresNoJobOnceALineIsBad() {
    assertThatThrownBy(
            () ->
                intake.submit(
                    "default",
                    new StringReader("{}\n" + line("a") + "\n"),
                    new BatchOptions(true, null, null)))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            p -> {
              assertThat(p.code()).isEqualTo("batch_invalid_lines");
              assertThat(p.properties()).containsKey("invalid_lines");
            });
    assertThat(store.lines()).isEmpty();
    assertThat(store.oneTransaction).isTrue();
  }

  @Test
  void aWebhookUrlThePolicyRefusesIsRefusedBeforeReading() {
    assertThatThrownBy(
            () ->
                intake.submit(
                    "default",
                    new StringReader(line("a")),
                    new BatchOptions(false, "http://127.0.0.1/hook", null)))
        .isInstanceOfSatisfying(
            ApiProblem.class, p -> assertThat(p.code()).isEqualTo("webhook_url_forbidden"));
    assertThat(store.chunks).isEmpty();
  }

  @Test
  void theByteLimitIsCountedAsTheBodyIsRead() throws Exception {
    InputStream in =
        new LimitedInputStream(
            new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8)),
            9,
            () -> new IllegalStateException("too large"));
    assertThat(in.readNBytes(9)).hasSize(9);
    assertThatThrownBy(in::read).hasMessage("too large");
  }

  /** Pulls every chunk, as the real store does, and remembers them. */
  private static final class RecordingStore implements BatchStore {
    final List<BatchChunk> chunks = new ArrayList<>();
    boolean oneTransaction;

    List<BatchLine> lines() {
      return chunks.stream().flatMap(c -> c.jobs().stream()).toList();
    }

    List<InvalidLine> invalid() {
      return chunks.stream().flatMap(c -> c.invalid().stream()).toList();
    }

    @Override
    public Batch intake(NewBatch batch, BatchChunks source, boolean oneTransaction) {
      this.oneTransaction = oneTransaction;
      List<BatchChunk> read = new ArrayList<>();
      for (BatchChunk chunk = source.next(); chunk != null; chunk = source.next()) {
        read.add(chunk);
      }
      chunks.addAll(read);
      int jobs = read.stream().mapToInt(c -> c.jobs().size()).sum();
      Instant now = Instant.now();
      return new Batch(
          batch.id(),
          batch.tenantId(),
          BatchStatus.IN_PROGRESS,
          0,
          jobs,
          0,
          true,
          null,
          batch.metadata(),
          now,
          now,
          now,
          null,
          null);
    }

    @Override
    public Optional<Batch> find(String tenantId, UUID batchId) {
      return Optional.empty();
    }

    @Override
    public BatchCounts counts(Batch batch) {
      return new BatchCounts(0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public List<InvalidLine> invalidLines(UUID batchId, int limit) {
      return List.of();
    }

    @Override
    public BatchPage list(String tenantId, Batch.Position after, int limit) {
      return new BatchPage(List.of(), false);
    }

    @Override
    public List<BatchResult> results(UUID batchId, int afterLine, int limit, boolean errorsOnly) {
      return List.of();
    }

    @Override
    public Optional<BatchCancel> cancel(String tenantId, UUID batchId) {
      return Optional.empty();
    }
  }
}
