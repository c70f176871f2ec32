package dev.agentq.store.internal;

import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.NewJob;
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
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link BatchStore} on Postgres. */
public final class JdbiBatchStore implements BatchStore {
  /** Waiting jobs cancelled per transaction when a batch is cancelled. */
  private static final int CANCEL_CHUNK = 500;

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiBatchStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Batch intake(NewBatch batch, BatchChunks chunks, boolean oneTransaction) {
    if (oneTransaction) {
      return Sql.inTransaction(
          jdbi,
          handle -> {
            create(handle, batch);
            for (BatchChunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
              append(handle, batch, chunk);
            }
            return seal(handle, batch.id());
          });
    }
    Sql.useTransaction(jdbi, handle -> create(handle, batch));
    try {
      for (BatchChunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
        BatchChunk next = chunk;
        boolean open = Sql.inTransaction(jdbi, handle -> append(handle, batch, next));
        if (!open) {
          break;
        }
      }
      return Sql.inTransaction(jdbi, handle -> seal(handle, batch.id()));
    } catch (RuntimeException e) {
      try {
        // Its jobs, their events and steps go with it; a worker that claimed one loses its lease.
        Sql.useTransaction(jdbi, handle -> handle.attach(BatchDao.class).delete(batch.id()));
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  private void create(Handle handle, NewBatch batch) {
    handle
        .attach(BatchDao.class)
        .insert(
            batch.id(), batch.tenantId(), batch.webhookUrl(), Json.toTree(batch.metadata()), now());
  }

  /**
   * Stores one chunk, unless the batch is being cancelled; then nothing, and false: the rest of the
   * upload is not read.
   */
  private boolean append(Handle handle, NewBatch batch, BatchChunk chunk) {
    Instant now = now();
    BatchDao dao = handle.attach(BatchDao.class);
    BatchStatus status = dao.lock(batch.id()).orElseThrow().status();
    if (status != BatchStatus.VALIDATING && status != BatchStatus.IN_PROGRESS) {
      return false;
    }
    List<BatchLine> lines = chunk.jobs();
    if (!lines.isEmpty()) {
      int n = lines.size();
      UUID[] ids = new UUID[n];
      String[] agents = new String[n];
      String[] inputs = new String[n];
      String[] metadata = new String[n];
      String[] customIds = new String[n];
      int[] numbers = new int[n];
      String[] events = new String[n];
      String[] payloads = new String[n];
      int maxAttempts = lines.getFirst().job().maxAttempts();
      for (int i = 0; i < n; i++) {
        BatchLine line = lines.get(i);
        NewJob job = line.job();
        if (job.lane() != Lane.BATCH || !job.tenantId().equals(batch.tenantId())) {
          throw new IllegalArgumentException("a batch's jobs are its tenant's, on lane batch");
        }
        ids[i] = job.id();
        agents[i] = job.agent();
        inputs[i] = Json.write(job.input());
        metadata[i] = Json.write(job.metadata());
        customIds[i] = line.customId();
        numbers[i] = line.line();
        var event = Json.object().put("agent", job.agent()).put("batch_id", batch.id().toString());
        if (batch.requestId() != null) {
          event.put("request_id", batch.requestId());
        }
        events[i] = Json.write(event);
        payloads[i] =
            Json.write(
                DispatchMessage.of(job.id(), job.tenantId(), job.agent(), Lane.BATCH)
                    .withRequestId(batch.requestId()));
      }
      dao.insertJobs(
          batch.id(),
          batch.tenantId(),
          maxAttempts,
          Lane.BATCH.topic(),
          ids,
          agents,
          inputs,
          metadata,
          customIds,
          numbers,
          events,
          payloads,
          now);
    }
    List<InvalidLine> invalid = chunk.invalid();
    if (!invalid.isEmpty()) {
      dao.insertInvalid(
          batch.id(),
          invalid.stream().mapToInt(InvalidLine::line).toArray(),
          invalid.stream().map(InvalidLine::customId).toArray(String[]::new),
          invalid.stream().map(InvalidLine::code).toArray(String[]::new),
          invalid.stream().map(InvalidLine::detail).toArray(String[]::new));
    }
    dao.count(batch.id(), chunk.lines(), lines.size(), invalid.size(), now);
    return true;
  }

  /** The upload is in: a batch that made no job fails, one whose jobs all ended already ends. */
  private Batch seal(Handle handle, UUID batchId) {
    Instant now = now();
    BatchDao dao = handle.attach(BatchDao.class);
    dao.lock(batchId).orElseThrow();
    Batch sealed = dao.seal(batchId, now);
    if (sealed.status() == BatchStatus.FAILED) {
      BatchCompletion.announce(handle, sealed, now);
      return sealed;
    }
    BatchCompletion.endIfDone(handle, batchId, now);
    return dao.lock(batchId).orElseThrow();
  }

  @Override
  public Optional<Batch> find(String tenantId, UUID batchId) {
    return Sql.withExtension(jdbi, BatchDao.class, dao -> dao.find(tenantId, batchId));
  }

  @Override
  public BatchCounts counts(Batch batch) {
    return Sql.inTransaction(jdbi, handle -> BatchCompletion.counts(handle, batch));
  }

  @Override
  public List<InvalidLine> invalidLines(UUID batchId, int limit) {
    return Sql.withExtension(jdbi, BatchDao.class, dao -> dao.invalidLines(batchId, limit));
  }

  @Override
  public BatchPage list(String tenantId, Batch.Position after, int limit) {
    List<Batch> rows =
        Sql.withExtension(
            jdbi,
            BatchDao.class,
            dao ->
                dao.page(
                    tenantId,
                    after == null ? null : after.createdAt(),
                    after == null ? null : after.id(),
                    limit + 1));
    boolean hasMore = rows.size() > limit;
    return new BatchPage(hasMore ? rows.subList(0, limit) : rows, hasMore);
  }

  @Override
  public List<BatchResult> results(UUID batchId, int afterLine, int limit, boolean errorsOnly) {
    return Sql.withExtension(
        jdbi, BatchDao.class, dao -> dao.results(batchId, afterLine, limit, errorsOnly));
  }

  @Override
  public Optional<BatchCancel> cancel(String tenantId, UUID batchId) {
    Optional<Batch> marked =
        Sql.inTransaction(
            jdbi, handle -> handle.attach(BatchDao.class).markCancelling(tenantId, batchId, now()));
    if (marked.isEmpty()) {
      Optional<Batch> found = find(tenantId, batchId);
      if (found.isEmpty() || found.get().status().isFinal()) {
        return found.map(batch -> new BatchCancel(batch, true));
      }
      // already cancelling: finish the job of whoever asked first, harmlessly
    }
    int cancelled;
    do {
      cancelled = Sql.inTransaction(jdbi, handle -> cancelWaiting(handle, batchId));
    } while (cancelled > 0
        || Sql.withExtension(jdbi, BatchDao.class, dao -> dao.anyWaiting(batchId)));
    Sql.useTransaction(
        jdbi,
        handle -> {
          Instant now = now();
          List<UUID> flagged = handle.attach(BatchDao.class).flagRunning(batchId, now);
          handle
              .attach(EventDao.class)
              .insertAll(
                  flagged,
                  JobEvent.CANCEL_REQUESTED,
                  flagged.stream()
                      .map(id -> (tools.jackson.databind.JsonNode) Json.object())
                      .toList(),
                  now);
          BatchCompletion.endIfDone(handle, batchId, now);
        });
    return find(tenantId, batchId).map(batch -> new BatchCancel(batch, false));
  }

  /** Cancels a chunk of the batch's waiting jobs, as a job's own cancel would, one by one. */
  private int cancelWaiting(Handle handle, UUID batchId) {
    Instant now = now();
    List<Job> cancelled = handle.attach(BatchDao.class).cancelWaiting(batchId, CANCEL_CHUNK, now);
    EventDao events = handle.attach(EventDao.class);
    events.insertAll(
        cancelled.stream().map(Job::id).toList(),
        JobEvent.CANCELLED,
        cancelled.stream()
            .map(job -> (tools.jackson.databind.JsonNode) Json.object().put("while", "waiting"))
            .toList(),
        now);
    for (Job job : cancelled) {
      JobWebhooks.jobEnded(handle, job, now);
    }
    BatchCompletion.endIfDone(handle, batchId, now);
    return cancelled.size();
  }
}
