package dev.agentq.store.internal;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.webhook.WebhookEvent;
import dev.agentq.store.Job;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchCounts;
import dev.agentq.store.batches.BatchStatus;
import dev.agentq.store.batches.BatchViews;
import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * Ends a batch when its last job ends, inside the transaction that ends that job, and writes its
 * one {@code batch.completed} webhook with it. The batch row is locked after the jobs: of two
 * transactions ending a batch's last two jobs, the second waits for the first and then sees both
 * ended, so exactly one of them ends the batch.
 */
final class BatchCompletion {
  private BatchCompletion() {}

  /** Some jobs have just ended in this transaction: ends the batches they finished. */
  static void jobsEnded(Handle handle, Collection<Job> jobs, Instant now) {
    UUID[] batchJobs =
        jobs.stream().filter(job -> job.lane() == Lane.BATCH).map(Job::id).toArray(UUID[]::new);
    if (batchJobs.length == 0) {
      return;
    }
    for (UUID batchId : handle.attach(BatchDao.class).batchesOf(batchJobs)) {
      endIfDone(handle, batchId, now);
    }
  }

  /** Ends the batch if it has been read whole and none of its jobs is left to run. */
  static void endIfDone(Handle handle, UUID batchId, Instant now) {
    BatchDao dao = handle.attach(BatchDao.class);
    Batch batch = dao.lock(batchId).orElse(null);
    if (batch == null
        || !batch.intakeDone()
        || batch.status().isFinal()
        || batch.status() == BatchStatus.VALIDATING
        || dao.anyUnfinished(batchId)) {
      return;
    }
    dao.end(batchId, now).ifPresent(ended -> announce(handle, ended, now));
  }

  /** Writes {@code batch.completed} to the batch's own URL and to the tenant's endpoints. */
  static void announce(Handle handle, Batch batch, Instant now) {
    BatchCounts counts = counts(handle, batch);
    JsonNode data = Json.toTree(BatchViews.of(batch, counts, null, now));
    JsonNode payload = Json.toTree(new WebhookEvent(WebhookEvent.BATCH_COMPLETED, now, data));
    WebhookDao webhooks = handle.attach(WebhookDao.class);
    if (batch.webhookUrl() != null) {
      webhooks.insertDelivery(
          "msg_" + UUID.randomUUID().toString().replace("-", ""),
          batch.tenantId(),
          batch.webhookUrl(),
          null,
          WebhookEvent.BATCH_COMPLETED,
          payload,
          now);
    }
    webhooks.insertEndpointDeliveries(
        batch.tenantId(), null, WebhookEvent.BATCH_COMPLETED, payload, now);
  }

  static BatchCounts counts(Handle handle, Batch batch) {
    BatchRows.StatusCounts s = handle.attach(BatchDao.class).counts(batch.id());
    return new BatchCounts(
        batch.jobCount(),
        s.queued(),
        s.running(),
        s.succeeded(),
        s.failed(),
        s.cancelled(),
        batch.invalidCount());
  }
}
