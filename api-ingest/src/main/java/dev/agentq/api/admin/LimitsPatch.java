package dev.agentq.api.admin;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.store.TenantLimits;
import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH /v1/admin/tenants/{id}}: a limit given replaces the tenant's, a limit given as null
 * goes back to the default, a limit left out stays as it is.
 */
final class LimitsPatch {
  private final JsonNode limits;

  private LimitsPatch(JsonNode limits) {
    this.limits = limits;
  }

  static LimitsPatch parse(byte[] body) {
    JsonNode tree = Json.parse(body);
    JsonSchemas.get().require("tenant-update", tree);
    return new LimitsPatch(tree.get("limits"));
  }

  TenantLimits applyTo(TenantLimits current) {
    return new TenantLimits(
        limits.has("requests_per_second")
            ? nullable(limits.get("requests_per_second"), JsonNode::asDouble)
            : current.requestsPerSecond(),
        limits.has("burst") ? nullable(limits.get("burst"), JsonNode::asInt) : current.burst(),
        limits.has("max_queued_jobs")
            ? nullable(limits.get("max_queued_jobs"), JsonNode::asInt)
            : current.maxQueuedJobs());
  }

  private static <T> T nullable(JsonNode value, java.util.function.Function<JsonNode, T> read) {
    return value.isNull() ? null : read.apply(value);
  }
}
