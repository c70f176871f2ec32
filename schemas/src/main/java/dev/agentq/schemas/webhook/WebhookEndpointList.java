package dev.agentq.schemas.webhook;

import java.util.List;

/**
 * Answer of {@code GET /v1/webhooks/endpoints}; mirrors {@code webhook-endpoint-list.schema.json}.
 */
public record WebhookEndpointList(String object, List<WebhookEndpointView> data) {
  public WebhookEndpointList(List<WebhookEndpointView> data) {
    this("list", List.copyOf(data));
  }
}
