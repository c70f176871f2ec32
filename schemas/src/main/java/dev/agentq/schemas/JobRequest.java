package dev.agentq.schemas;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /v1/jobs}; mirrors {@code job-request.schema.json}. Build one with {@link
 * #parse}, which validates before binding.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record JobRequest(
    String agent,
    JsonNode input,
    String threadId,
    String webhookUrl,
    Map<String, String> metadata) {

  public static final String SCHEMA = "job-request";

  public JobRequest {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** Parses and validates a request body; throws a {@link ContractException} subtype if bad. */
  public static JobRequest parse(byte[] body) {
    return from(Json.parse(body));
  }

  /** Validates an already parsed body and binds it; throws a {@link ContractException} if bad. */
  public static JobRequest from(JsonNode tree) {
    JsonSchemas.get().require(SCHEMA, tree);
    StorableText.require(tree);
    return Json.convert(tree, JobRequest.class);
  }
}
