package dev.agentq.schemas.webhook;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of a secret rotation; mirrors {@code webhook-rotate-request.schema.json}.
 *
 * @param overlapSeconds how long the old secret keeps signing beside the new one
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookRotateRequest(Integer overlapSeconds) {
  public static final String SCHEMA = "webhook-rotate-request";

  /** The overlap when the request names none: a day, as Standard Webhooks providers give. */
  public static final Duration DEFAULT_OVERLAP = Duration.ofHours(24);

  /** Parses and validates a request body; an empty body asks for the default overlap. */
  public static WebhookRotateRequest parse(byte[] body) {
    if (body.length == 0) {
      return new WebhookRotateRequest(null);
    }
    JsonNode tree = Json.parse(body);
    JsonSchemas.get().require(SCHEMA, tree);
    return Json.convert(tree, WebhookRotateRequest.class);
  }

  public Duration overlap() {
    return overlapSeconds == null ? DEFAULT_OVERLAP : Duration.ofSeconds(overlapSeconds);
  }
}
