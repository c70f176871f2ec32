package dev.agentq.schemas.schedule;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.StorableText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /v1/schedules}; mirrors {@code schedule-request.schema.json}.
 *
 * @param job the job request each run submits, or null
 * @param batch the directory each run makes a batch of, or null
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ScheduleRequest(
    String name, String cron, String timeZone, JsonNode job, BatchTemplate batch) {
  public static final String SCHEMA = "schedule-request";

  /** Parses and validates a request body; throws a {@code ContractException} subtype if bad. */
  public static ScheduleRequest parse(byte[] body) {
    JsonNode tree = Json.parse(body);
    JsonSchemas.get().require(SCHEMA, tree);
    StorableText.require(tree);
    return Json.convert(tree, ScheduleRequest.class);
  }
}
