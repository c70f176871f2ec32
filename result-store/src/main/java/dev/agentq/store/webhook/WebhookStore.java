package dev.agentq.store.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Webhook endpoints and deliveries. Deliveries are written by the job store in the transaction that
 * ends a job; this store registers endpoints, hands deliveries to dispatchers and records attempts.
 */
public interface WebhookStore {

  /** Registers an endpoint with a new secret; empty {@code eventTypes} means the defaults. */
  WebhookEndpoint createEndpoint(
      String tenantId, String url, String description, List<String> eventTypes);

  List<WebhookEndpoint> endpoints(String tenantId);

  Optional<WebhookEndpoint> endpoint(String tenantId, UUID endpointId);

  boolean deleteEndpoint(String tenantId, UUID endpointId);

  /** Enables a disabled endpoint again and forgets why it was disabled. */
  Optional<WebhookEndpoint> enableEndpoint(String tenantId, UUID endpointId);

  /**
   * A new secret signs from now on; the old one still signs too (both signatures are sent) for
   * {@code overlap}, so receivers can switch without missing a message.
   */
  Optional<WebhookEndpoint> rotateSecret(String tenantId, UUID endpointId, Duration overlap);

  /** The secret that signs webhooks to jobs' own {@code webhook_url}s, made on first use. */
  List<WebhookSecret> signingSecrets(String tenantId);

  /** Rotates the tenant's job-webhook secret, as {@link #rotateSecret} does for an endpoint. */
  List<WebhookSecret> rotateSigningSecret(String tenantId, Duration overlap);

  /**
   * Claims up to {@code limit} deliveries that are due (or whose sender died), for {@code lease}.
   */
  List<DeliveryTask> claimDue(String owner, Duration lease, int limit);

  /** Records an attempt at a claimed delivery and what it means. */
  void recordAttempt(WebhookAttempt attempt, AttemptOutcome outcome);

  List<WebhookDelivery> deliveriesOfJob(String tenantId, UUID jobId);

  List<WebhookDelivery> deliveriesOfEndpoint(String tenantId, UUID endpointId, int limit);

  List<WebhookAttempt> attempts(String deliveryId);

  /** The attempts at each of {@code deliveryIds}, by delivery, first to last. */
  List<WebhookAttempt> attemptsOf(List<String> deliveryIds);

  /** One delivery of the tenant, whatever its status. */
  Optional<WebhookDelivery> delivery(String tenantId, String deliveryId);

  /** Sends a delivery again, with the same {@code webhook-id}, as soon as a dispatcher can. */
  Optional<WebhookDelivery> redeliver(String tenantId, String deliveryId);
}
