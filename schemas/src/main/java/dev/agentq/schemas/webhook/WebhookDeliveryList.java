package dev.agentq.schemas.webhook;

import java.util.List;

/** A list of deliveries; mirrors {@code webhook-delivery-list.schema.json}. */
public record WebhookDeliveryList(String object, List<WebhookDeliveryView> data) {
  public WebhookDeliveryList(List<WebhookDeliveryView> data) {
    this("list", List.copyOf(data));
  }
}
