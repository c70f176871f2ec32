package dev.agentq.store.batches;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Batches and their jobs. Each method is one transaction unless it says otherwise. */
public interface BatchStore {

  /**
   * Stores a batch ({@code validating}) and then its chunks as {@code chunks} hands them over, each
   * chunk's jobs with their {@code job.queued} events and dispatch messages; the batch is {@code
   * in_progress} from its first job. Once the upload is read the batch may end at once (all lines
   * refused: {@code failed}). If {@code chunks} throws, nothing of the batch is kept and the
   * exception propagates.
   *
   * @param oneTransaction all chunks in one transaction, so that nothing is visible (nor
   *     dispatched) before the whole upload is in; otherwise one transaction per chunk, and jobs
   *     start while the rest is read
   */
  Batch intake(NewBatch batch, BatchChunks chunks, boolean oneTransaction);

  /** The batch, if it exists and belongs to {@code tenantId}. */
  Optional<Batch> find(String tenantId, UUID batchId);

  /** How the batch's jobs stand now. */
  BatchCounts counts(Batch batch);

  /** The first {@code limit} lines refused, in line order. */
  List<InvalidLine> invalidLines(UUID batchId, int limit);

  /** A page of the tenant's batches, newest first, after {@code after} (null: from the newest). */
  BatchPage list(String tenantId, Batch.Position after, int limit);

  /**
   * The batch's jobs after line {@code afterLine}, in line order, at most {@code limit}; with
   * {@code errorsOnly} only those that failed or were cancelled.
   */
  List<BatchResult> results(UUID batchId, int afterLine, int limit, boolean errorsOnly);

  /**
   * Cancels a batch of {@code tenantId}: it becomes {@code cancelling}, its waiting jobs are
   * cancelled at once and its running ones stop at their next step boundary; it is {@code
   * cancelled} once none runs. Several transactions. Empty if there is no such batch.
   */
  Optional<BatchCancel> cancel(String tenantId, UUID batchId);
}
