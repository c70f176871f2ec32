package dev.agentq.schemas;

import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The Kafka value that tells a worker to look at a job; mirrors {@code
 * dispatch-message.schema.json}. It never carries the input: the worker reads the job from
 * Postgres, so a duplicate or stale message is harmless.
 *
 * @param traceparent W3C trace context of the request that queued the job, which the relay
 *     continues; the Kafka record's own {@code traceparent} header names the relay's span
 * @param requestId correlation id of the HTTP request that queued the job, for the worker's logs
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DispatchMessage(
    int v,
    UUID jobId,
    String tenant,
    String agent,
    Lane lane,
    String traceparent,
    String requestId) {

  public static final String SCHEMA = "dispatch-message";
  public static final int VERSION = 1;

  public static DispatchMessage of(UUID jobId, String tenant, String agent, Lane lane) {
    return new DispatchMessage(VERSION, jobId, tenant, agent, lane, null, null);
  }

  public DispatchMessage withRequestId(String requestId) {
    return new DispatchMessage(v, jobId, tenant, agent, lane, traceparent, requestId);
  }

  public DispatchMessage withTraceparent(String traceparent) {
    return new DispatchMessage(v, jobId, tenant, agent, lane, traceparent, requestId);
  }

  /** Decodes and validates a Kafka value; throws a {@link ContractException} subtype if bad. */
  public static DispatchMessage decode(byte[] value) {
    var tree = Json.parse(value);
    JsonSchemas.get().require(SCHEMA, tree);
    return Json.convert(tree, DispatchMessage.class);
  }

  public byte[] encode() {
    return Json.writeBytes(this);
  }
}
