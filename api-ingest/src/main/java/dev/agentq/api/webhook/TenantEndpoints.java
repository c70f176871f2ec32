package dev.agentq.api.webhook;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.problem.Codes;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.store.webhook.WebhookStore;
import java.util.Optional;
import java.util.UUID;

/**
 * A caller's webhook endpoints. Another tenant's endpoint is "not found", exactly like an id that
 * names none.
 */
final class TenantEndpoints {
  private final WebhookStore store;

  TenantEndpoints(WebhookStore store) {
    this.store = store;
  }

  WebhookEndpoint find(Caller caller, String id) {
    return uuid(id)
        .flatMap(uuid -> store.endpoint(caller.tenantId(), uuid))
        .orElseThrow(() -> Codes.webhookEndpointNotFound(id));
  }

  /** The id in a URL, if it is one; anything else names no endpoint. */
  static Optional<UUID> uuid(String text) {
    if (text == null || text.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
