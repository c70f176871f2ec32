package dev.agentq.schemas.webhook;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A webhook body; mirrors {@code webhook-event.schema.json}.
 *
 * @param type one of {@link #TYPES}
 */
public record WebhookEvent(String type, Instant timestamp, JsonNode data) {
  public static final String SCHEMA = "webhook-event";
  public static final String JOB_SUCCEEDED = "job.succeeded";
  public static final String JOB_FAILED = "job.failed";
  public static final String JOB_CANCELLED = "job.cancelled";
  public static final String JOB_PROGRESS = "job.progress";
  public static final String BATCH_COMPLETED = "batch.completed";
  public static final List<String> TYPES =
      List.of(JOB_SUCCEEDED, JOB_FAILED, JOB_CANCELLED, JOB_PROGRESS, BATCH_COMPLETED);

  /** The events an endpoint gets when it names none: every end of a job, and of a batch. */
  public static final List<String> DEFAULT_TYPES =
      List.of(JOB_SUCCEEDED, JOB_FAILED, JOB_CANCELLED, BATCH_COMPLETED);
}
