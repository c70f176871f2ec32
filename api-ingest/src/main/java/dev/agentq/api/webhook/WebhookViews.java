package dev.agentq.api.webhook;

import dev.agentq.schemas.webhook.WebhookAttemptView;
import dev.agentq.schemas.webhook.WebhookDeliveryList;
import dev.agentq.schemas.webhook.WebhookDeliveryView;
import dev.agentq.schemas.webhook.WebhookEndpointView;
import dev.agentq.schemas.webhook.WebhookSecretView;
import dev.agentq.store.webhook.WebhookAttempt;
import dev.agentq.store.webhook.WebhookDelivery;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.store.webhook.WebhookSecret;
import dev.agentq.store.webhook.WebhookStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** From stored endpoints, secrets and deliveries to the wire records; never a secret's value. */
final class WebhookViews {
  private WebhookViews() {}

  static WebhookEndpointView endpoint(WebhookEndpoint endpoint, Instant now) {
    return new WebhookEndpointView(
        endpoint.id(),
        endpoint.url(),
        endpoint.description(),
        endpoint.eventTypes(),
        endpoint.enabled(),
        endpoint.disabledReason(),
        endpoint.disabledAt(),
        endpoint.failingSince(),
        secrets(endpoint.secrets(), now),
        endpoint.createdAt(),
        endpoint.updatedAt());
  }

  /** The secrets that sign at {@code now}, newest first, without their values. */
  static List<WebhookSecretView> secrets(List<WebhookSecret> secrets, Instant now) {
    return secrets.stream()
        .filter(secret -> secret.liveAt(now))
        .map(secret -> new WebhookSecretView(secret.createdAt(), secret.expiresAt()))
        .toList();
  }

  /** The deliveries with their attempts, read in one query. */
  static WebhookDeliveryList deliveries(WebhookStore store, List<WebhookDelivery> deliveries) {
    Map<String, List<WebhookAttempt>> attempts = new HashMap<>();
    for (WebhookAttempt attempt :
        store.attemptsOf(deliveries.stream().map(WebhookDelivery::id).toList())) {
      attempts.computeIfAbsent(attempt.deliveryId(), id -> new ArrayList<>()).add(attempt);
    }
    return new WebhookDeliveryList(
        deliveries.stream()
            .map(delivery -> delivery(delivery, attempts.getOrDefault(delivery.id(), List.of())))
            .toList());
  }

  /** {@code attempts} in the order they were made. */
  static WebhookDeliveryView delivery(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    List<WebhookAttemptView> numbered = new ArrayList<>();
    for (WebhookAttempt attempt : attempts) {
      numbered.add(
          new WebhookAttemptView(
              numbered.size() + 1,
              attempt.attemptedAt(),
              attempt.statusCode(),
              attempt.latencyMs(),
              attempt.error()));
    }
    return new WebhookDeliveryView(
        delivery.id(),
        delivery.endpointId(),
        delivery.jobId(),
        delivery.url(),
        delivery.eventType(),
        delivery.status(),
        delivery.nextAttemptAt(),
        delivery.createdAt(),
        delivery.deliveredAt(),
        numbered);
  }
}
