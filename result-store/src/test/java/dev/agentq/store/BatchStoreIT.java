package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.schemas.Lane;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchChunk;
import dev.agentq.store.batches.BatchChunks;
import dev.agentq.store.batches.BatchLine;
import dev.agentq.store.batches.BatchStatus;
import dev.agentq.store.batches.BatchStore;
import dev.agentq.store.batches.InvalidLine;
import dev.agentq.store.batches.NewBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batches in the store: chunks are kept or nothing is, and a batch ends exactly once, in the
 * transaction that ends its last job, whichever path ends it (a worker's group commit, the lease
 * reaper, a job's own cancel, or several workers at once).
 */
class BatchStoreIT {
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final MigratedDatabase db = new MigratedDatabase(8);
  private final BatchStore batches = db.stores.batches();
  private final JobStore jobs = db.stores.jobs();

  @AfterEach
  void close() {
    db.close();
  }

  private static NewBatch newBatch() {
    return new NewBatch(
        UUID.randomUUID(), "default", "https://example.com/batch-hook", Map.of(), "req-1");
  }

  /** Chunks of {@code sizes} jobs each, numbered on from line 1, with one bad line at the end. */
  private static List<BatchChunk> chunks(int maxAttempts, int... sizes) {
    List<BatchChunk> chunks = new ArrayList<>();
    int line = 0;
    for (int size : sizes) {
      List<BatchLine> lines = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        line++;
        lines.add(
            new BatchLine(
                line, "c-" + line, aJob().inLane(Lane.BATCH).withMaxAttempts(maxAttempts).build()));
      }
      chunks.add(new BatchChunk(lines, List.of(), size));
    }
    chunks.add(
        new BatchChunk(
            List.of(), List.of(new InvalidLine(line + 1, null, "invalid_jsonl_line", "x")), 1));
    return chunks;
  }

  private static BatchChunks source(List<BatchChunk> chunks) {
    Iterator<BatchChunk> it = chunks.iterator();
    return () -> it.hasNext() ? it.next() : null;
  }

  private List<UUID> jobsOf(Batch batch) {
    return batches.results(batch.id(), 0, 1000, false).stream()
        .map(dev.agentq.store.batches.BatchResult::jobId)
        .toList();
  }

  private long count(String sql, Object... parameters) {
    try (Connection connection = db.dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long completedWebhooks(Batch batch) {
    return count(
        "SELECT count(*) FROM webhook_deliveries WHERE event_type = 'batch.completed'"
            + " AND payload -> 'data' ->> 'id' = ?",
        batch.id().toString());
  }

  private Batch reread(Batch batch) {
    return batches.find("default", batch.id()).orElseThrow();
  }

  @Test
  void chunksAreKeptWithTheirDispatchMessagesAndTheBatchEndsOnceWithItsLastJob() {
    Batch batch = batches.intake(newBatch(), source(chunks(3, 2, 3)), false);
    assertThat(batch.status()).isEqualTo(BatchStatus.IN_PROGRESS);
    assertThat(batch.jobCount()).isEqualTo(5);
    assertThat(batch.invalidCount()).isEqualTo(1);
    assertThat(batch.lineCount()).isEqualTo(6);
    assertThat(batch.intakeDone()).isTrue();
    assertThat(batches.invalidLines(batch.id(), 10))
        .extracting(InvalidLine::line)
        .containsExactly(6);
    assertThat(
            count(
                "SELECT count(*) FROM outbox WHERE topic = 'jobs.batch' AND message_key IN"
                    + " (SELECT CAST(id AS text) FROM jobs WHERE batch_id = ?)",
                batch.id()))
        .isEqualTo(5);

    List<UUID> ids = jobsOf(batch);
    List<Job> claimed = jobs.claim(ids, "worker-a", LEASE);
    List<Finish> finishes =
        claimed.stream()
            .map(
                job ->
                    new Finish(
                        job.id(),
                        job.attempt(),
                        new Outcome.Succeeded(dev.agentq.schemas.Json.object(), "m")))
            .toList();
    jobs.finishAll(finishes.subList(0, 4));
    assertThat(reread(batch).status()).isEqualTo(BatchStatus.IN_PROGRESS);
    assertThat(completedWebhooks(batch)).isZero();

    jobs.finishAll(finishes.subList(4, 5));
    Batch done = reread(batch);
    assertThat(done.status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(done.completedAt()).isEqualTo(db.clock.instant());
    assertThat(batches.counts(done).succeeded()).isEqualTo(5);
    assertThat(completedWebhooks(batch)).isEqualTo(1);
    assertThat(
            count(
                "SELECT count(*) FROM webhook_deliveries WHERE event_type = 'batch.completed'"
                    + " AND url = 'https://example.com/batch-hook' AND job_id IS NULL"))
        .isEqualTo(1);
  }

  @Test
  void theLastJobsEndingAtOnceEndTheBatchExactlyOnce() {
    for (int round = 0; round < 5; round++) {
      Batch batch = batches.intake(newBatch(), source(chunks(3, 8)), false);
      List<Job> claimed = jobs.claim(jobsOf(batch), "worker-a", LEASE);
      CompletableFuture.allOf(
              claimed.stream()
                  .map(
                      job ->
                          CompletableFuture.runAsync(
                              () ->
                                  jobs.finish(
                                      job.id(),
                                      job.attempt(),
                                      new Outcome.Failed(
                                          new dev.agentq.schemas.ErrorInfo(
                                              "agent_error", "no", false, "x")))))
                  .toArray(CompletableFuture[]::new))
          .join();
      assertThat(reread(batch).status()).isEqualTo(BatchStatus.COMPLETED);
      assertThat(completedWebhooks(batch)).isEqualTo(1);
    }
  }

  @Test
  void theReaperFailingTheLastJobEndsTheBatch() {
    Batch batch = batches.intake(newBatch(), source(chunks(1, 1)), false);
    jobs.claim(jobsOf(batch), "worker-a", LEASE);
    db.clock.advance(LEASE.plusSeconds(1));
    assertThat(jobs.reapExpiredLeases(10).failed()).isEqualTo(1);
    assertThat(reread(batch).status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(batches.counts(reread(batch)).failed()).isEqualTo(1);
    assertThat(completedWebhooks(batch)).isEqualTo(1);
  }

  @Test
  void cancellingItsLastWaitingJobEndsTheBatch() {
    Batch batch = batches.intake(newBatch(), source(chunks(3, 1)), false);
    jobs.requestCancel("default", jobsOf(batch).getFirst());
    assertThat(reread(batch).status()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(completedWebhooks(batch)).isEqualTo(1);
  }

  @Test
  void aBatchIsCancelledOnceItsRunningJobStops() {
    Batch batch = batches.intake(newBatch(), source(chunks(3, 4)), false);
    Job running = jobs.claim(List.of(jobsOf(batch).getFirst()), "worker-a", LEASE).getFirst();

    var cancel = batches.cancel("default", batch.id()).orElseThrow();
    assertThat(cancel.alreadyEnded()).isFalse();
    assertThat(cancel.batch().status()).isEqualTo(BatchStatus.CANCELLING);
    assertThat(batches.counts(cancel.batch()).cancelled()).isEqualTo(3);
    assertThat(jobs.find(running.id()).orElseThrow().cancelRequestedAt()).isNotNull();
    assertThat(completedWebhooks(batch)).isZero();

    jobs.finish(running.id(), running.attempt(), new Outcome.Cancelled());
    Batch cancelled = reread(batch);
    assertThat(cancelled.status()).isEqualTo(BatchStatus.CANCELLED);
    assertThat(cancelled.cancelledAt()).isNotNull();
    assertThat(cancelled.completedAt()).isNull();
    assertThat(completedWebhooks(batch)).isEqualTo(1);
    assertThat(batches.cancel("default", batch.id()).orElseThrow().alreadyEnded()).isTrue();
    assertThat(batches.cancel("other", batch.id())).isEmpty();
  }

  @Test
  void anIntakeThatFailsKeepsNothingOfTheBatch() {
    NewBatch chunked = newBatch();
    Iterator<BatchChunk> two = chunks(3, 3, 3).iterator();
    int[] calls = {0};
    BatchChunks failing =
        () -> {
          if (++calls[0] == 3) {
            throw new IllegalStateException("too large");
          }
          return two.next();
        };
    assertThatThrownBy(() -> batches.intake(chunked, failing, false)).hasMessage("too large");
    assertThat(batches.find("default", chunked.id())).isEmpty();
    assertThat(count("SELECT count(*) FROM jobs WHERE lane = 'batch'")).isZero();

    NewBatch whole = newBatch();
    Iterator<BatchChunk> more = chunks(3, 3, 3).iterator();
    int[] wholeCalls = {0};
    BatchChunks failingLast =
        () -> {
          if (++wholeCalls[0] == 4) {
            throw new IllegalStateException("invalid lines");
          }
          return more.next();
        };
    assertThatThrownBy(() -> batches.intake(whole, failingLast, true)).hasMessage("invalid lines");
    assertThat(batches.find("default", whole.id())).isEmpty();
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
    assertThat(count("SELECT count(*) FROM outbox")).isZero();
  }

  @Test
  void aBatchWithoutAJobFailsAtOnce() {
    Batch batch = batches.intake(newBatch(), source(chunks(3)), false);
    assertThat(batch.status()).isEqualTo(BatchStatus.FAILED);
    assertThat(batch.completedAt()).isNotNull();
    assertThat(completedWebhooks(batch)).isEqualTo(1);
  }

  @Test
  void resultsComeInLineOrderAPageAtATime() {
    Batch batch = batches.intake(newBatch(), source(chunks(3, 3, 4)), false);
    var first = batches.results(batch.id(), 0, 4, false);
    var rest = batches.results(batch.id(), first.getLast().line(), 100, false);
    assertThat(first).extracting(r -> r.line()).containsExactly(1, 2, 3, 4);
    assertThat(rest)
        .extracting(r -> r.line())
        .containsExactlyElementsOf(IntStream.rangeClosed(5, 7).boxed().toList());
    assertThat(batches.results(batch.id(), 0, 100, true)).isEmpty();
  }
}
