package dev.agentq.store.internal;

import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Links;
import dev.agentq.schemas.webhook.JobWebhookData;
import dev.agentq.schemas.webhook.WebhookEvent;
import dev.agentq.store.Job;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import tools.jackson.databind.JsonNode;

/**
 * Writes the webhook deliveries that a job's end, or its progress, calls for: to the job's own
 * {@code webhook_url} and to each enabled endpoint of its tenant that takes the event type. Always
 * inside the transaction of the change itself.
 */
final class JobWebhooks {
  private JobWebhooks() {}

  static void jobEnded(Handle handle, Job job, Instant now) {
    String type =
        switch (job.status()) {
          case SUCCEEDED -> WebhookEvent.JOB_SUCCEEDED;
          case FAILED -> WebhookEvent.JOB_FAILED;
          case CANCELLED -> WebhookEvent.JOB_CANCELLED;
          default -> throw new IllegalStateException("job " + job.id() + " has not ended");
        };
    JsonNode payload = Json.toTree(new WebhookEvent(type, now, Json.toTree(data(job))));
    WebhookDao dao = handle.attach(WebhookDao.class);
    if (job.webhookUrl() != null) {
      dao.insertDelivery(newId(), job.tenantId(), job.webhookUrl(), job.id(), type, payload, now);
    }
    dao.insertEndpointDeliveries(job.tenantId(), job.id(), type, payload, now);
  }

  /** {@code job.progress} for top-level steps just finished, to endpoints that opted in. */
  static void stepsFinished(Handle handle, List<UUID> jobIds, List<String> steps, Instant now) {
    if (!jobIds.isEmpty()) {
      handle
          .attach(WebhookDao.class)
          .insertProgressDeliveries(jobIds.toArray(UUID[]::new), steps.toArray(String[]::new), now);
    }
  }

  private static JobWebhookData data(Job job) {
    return new JobWebhookData(
        job.id(),
        job.status(),
        job.agent(),
        job.metadata(),
        job.status() == JobState.SUCCEEDED ? job.output() : null,
        job.error(),
        job.model(),
        job.usage(),
        null,
        job.createdAt(),
        job.finishedAt(),
        Links.of(job.id()));
  }

  /** A {@code webhook-id}: {@code msg_} and 32 hex digits. */
  private static String newId() {
    return "msg_" + UUID.randomUUID().toString().replace("-", "");
  }
}
