package dev.agentq.store;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One row of {@code job_events}. */
public record JobEvent(long id, UUID jobId, String type, JsonNode data, Instant createdAt) {
  public static final String QUEUED = "job.queued";
  public static final String STARTED = "job.started";
  public static final String STEP_COMPLETED = "step.completed";
  public static final String RETRYING = "job.retrying";
  public static final String SUCCEEDED = "job.succeeded";
  public static final String FAILED = "job.failed";
  public static final String CANCEL_REQUESTED = "job.cancel_requested";
  public static final String CANCELLED = "job.cancelled";
}
