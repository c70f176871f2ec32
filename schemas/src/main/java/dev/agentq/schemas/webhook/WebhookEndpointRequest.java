package dev.agentq.schemas.webhook;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.StorableText;
import dev.agentq.schemas.Violation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * Body of {@code POST /v1/webhooks/endpoints}; mirrors {@code
 * webhook-endpoint-request.schema.json}.
 *
 * @param eventTypes the events asked for; empty when left out, which means {@link
 *     WebhookEvent#DEFAULT_TYPES}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record WebhookEndpointRequest(String url, String description, List<String> eventTypes) {
  public static final String SCHEMA = "webhook-endpoint-request";

  public WebhookEndpointRequest {
    eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
  }

  /** Parses and validates a request body; throws a {@code ContractException} subtype if bad. */
  public static WebhookEndpointRequest parse(byte[] body) {
    JsonNode tree = Json.parse(body);
    JsonSchemas.get().require(SCHEMA, tree);
    StorableText.require(tree);
    return Json.convert(tree, WebhookEndpointRequest.class);
  }

  /** Each event type asked for that agentq does not send, with its pointer. */
  public List<Violation> unknownEventTypes() {
    List<Violation> unknown = new ArrayList<>();
    for (int i = 0; i < eventTypes.size(); i++) {
      if (!WebhookEvent.TYPES.contains(eventTypes.get(i))) {
        unknown.add(
            new Violation(
                "/event_types/" + i,
                "not an event type: use " + String.join(", ", WebhookEvent.TYPES)));
      }
    }
    return unknown;
  }
}
