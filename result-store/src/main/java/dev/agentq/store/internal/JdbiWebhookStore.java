package dev.agentq.store.internal;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.webhook.WebhookEvent;
import dev.agentq.schemas.webhook.WebhookSignature;
import dev.agentq.store.webhook.AttemptOutcome;
import dev.agentq.store.webhook.DeliveryTask;
import dev.agentq.store.webhook.WebhookAttempt;
import dev.agentq.store.webhook.WebhookDelivery;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.store.webhook.WebhookSecret;
import dev.agentq.store.webhook.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;

/** {@link WebhookStore} on Postgres through Jdbi. */
public final class JdbiWebhookStore implements WebhookStore {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiWebhookStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public WebhookEndpoint createEndpoint(
      String tenantId, String url, String description, List<String> eventTypes) {
    Instant now = now();
    List<String> types = eventTypes.isEmpty() ? WebhookEvent.DEFAULT_TYPES : eventTypes;
    JsonNode secrets =
        Json.toTree(List.of(new WebhookSecret(WebhookSignature.newSecret(), now, null)));
    return Sql.withExtension(
        jdbi,
        WebhookDao.class,
        dao ->
            dao.insertEndpoint(
                UUID.randomUUID(),
                tenantId,
                url,
                description,
                types.toArray(String[]::new),
                secrets,
                now));
  }

  @Override
  public List<WebhookEndpoint> endpoints(String tenantId) {
    return Sql.withExtension(jdbi, WebhookDao.class, dao -> dao.endpoints(tenantId));
  }

  @Override
  public Optional<WebhookEndpoint> endpoint(String tenantId, UUID endpointId) {
    return Sql.withExtension(jdbi, WebhookDao.class, dao -> dao.endpoint(tenantId, endpointId));
  }

  @Override
  public boolean deleteEndpoint(String tenantId, UUID endpointId) {
    return Sql.withExtension(
            jdbi, WebhookDao.class, dao -> dao.deleteEndpoint(tenantId, endpointId))
        > 0;
  }

  @Override
  public Optional<WebhookEndpoint> enableEndpoint(String tenantId, UUID endpointId) {
    Instant now = now();
    return Sql.withExtension(jdbi, WebhookDao.class, dao -> dao.enable(tenantId, endpointId, now));
  }

  @Override
  public Optional<WebhookEndpoint> rotateSecret(
      String tenantId, UUID endpointId, Duration overlap) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          WebhookDao dao = handle.attach(WebhookDao.class);
          return dao.endpoint(tenantId, endpointId)
              .flatMap(
                  endpoint ->
                      dao.setSecrets(
                          tenantId,
                          endpointId,
                          Json.toTree(rotated(endpoint.secrets(), overlap, now)),
                          now));
        });
  }

  @Override
  public List<WebhookSecret> signingSecrets(String tenantId) {
    Instant now = now();
    return Sql.inTransaction(jdbi, handle -> signingSecrets(handle, tenantId, now));
  }

  /** The tenant's job-webhook secrets, made in {@code handle}'s transaction if it has none yet. */
  static List<WebhookSecret> signingSecrets(Handle handle, String tenantId, Instant now) {
    WebhookDao dao = handle.attach(WebhookDao.class);
    Optional<JsonNode> stored = dao.signingKeys(tenantId);
    if (stored.isPresent()) {
      return Rows.secrets(stored.get());
    }
    List<WebhookSecret> fresh = List.of(new WebhookSecret(WebhookSignature.newSecret(), now, null));
    dao.saveSigningKeys(tenantId, Json.toTree(fresh), now);
    return fresh;
  }

  @Override
  public List<WebhookSecret> rotateSigningSecret(String tenantId, Duration overlap) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          List<WebhookSecret> rotated =
              rotated(signingSecrets(handle, tenantId, now), overlap, now);
          handle.attach(WebhookDao.class).saveSigningKeys(tenantId, Json.toTree(rotated), now);
          return rotated;
        });
  }

  /** A new current secret first; the old current one expires after {@code overlap}. */
  private static List<WebhookSecret> rotated(
      List<WebhookSecret> secrets, Duration overlap, Instant now) {
    List<WebhookSecret> next = new ArrayList<>();
    next.add(new WebhookSecret(WebhookSignature.newSecret(), now, null));
    for (WebhookSecret secret : secrets) {
      if (secret.liveAt(now)) {
        next.add(
            secret.expiresAt() == null
                ? new WebhookSecret(secret.value(), secret.createdAt(), now.plus(overlap))
                : secret);
      }
    }
    return next;
  }

  @Override
  public List<DeliveryTask> claimDue(String owner, Duration lease, int limit) {
    Instant now = now();
    return Sql.inTransaction(
        jdbi,
        handle -> {
          WebhookDao dao = handle.attach(WebhookDao.class);
          List<WebhookDelivery> claimed = dao.claimDue(owner, now.plus(lease), now, limit);
          if (claimed.isEmpty()) {
            return List.of();
          }
          Map<UUID, WebhookEndpoint> endpoints = new HashMap<>();
          UUID[] endpointIds =
              claimed.stream()
                  .map(WebhookDelivery::endpointId)
                  .filter(java.util.Objects::nonNull)
                  .distinct()
                  .toArray(UUID[]::new);
          dao.endpointsById(endpointIds)
              .forEach(endpoint -> endpoints.put(endpoint.id(), endpoint));
          Map<String, List<WebhookSecret>> tenantKeys = new HashMap<>();
          List<DeliveryTask> tasks = new ArrayList<>();
          for (WebhookDelivery delivery : claimed) {
            List<WebhookSecret> secrets =
                delivery.endpointId() == null
                    ? tenantKeys.computeIfAbsent(
                        delivery.tenantId(), tenant -> signingSecrets(handle, tenant, now))
                    : endpoints.get(delivery.endpointId()).secrets();
            tasks.add(
                new DeliveryTask(
                    delivery,
                    secrets.stream()
                        .filter(s -> s.liveAt(now))
                        .map(WebhookSecret::value)
                        .toList()));
          }
          return tasks;
        });
  }

  @Override
  public void recordAttempt(WebhookAttempt attempt, AttemptOutcome outcome) {
    Instant now = now();
    Sql.useTransaction(
        jdbi,
        handle -> {
          WebhookDao dao = handle.attach(WebhookDao.class);
          if (!(outcome instanceof AttemptOutcome.Postponed)) {
            dao.insertAttempt(
                attempt.deliveryId(),
                attempt.attemptedAt(),
                attempt.statusCode(),
                attempt.latencyMs(),
                attempt.error());
          }
          Optional<WebhookDelivery> settled =
              switch (outcome) {
                case AttemptOutcome.Delivered delivered ->
                    dao.settle(
                        attempt.deliveryId(),
                        "delivered",
                        1,
                        null,
                        attempt.statusCode(),
                        null,
                        now);
                case AttemptOutcome.RetryAt retry ->
                    dao.settle(
                        attempt.deliveryId(),
                        "pending",
                        1,
                        retry.at(),
                        attempt.statusCode(),
                        attempt.error(),
                        now);
                case AttemptOutcome.Failed failed ->
                    dao.settle(
                        attempt.deliveryId(),
                        "failed",
                        1,
                        null,
                        attempt.statusCode(),
                        attempt.error(),
                        now);
                case AttemptOutcome.DisableEndpoint disable ->
                    dao.settle(
                        attempt.deliveryId(),
                        "failed",
                        1,
                        null,
                        attempt.statusCode(),
                        disable.reason(),
                        now);
                case AttemptOutcome.Postponed later ->
                    dao.settle(attempt.deliveryId(), "pending", 0, later.at(), null, null, now);
              };
          settled
              .map(WebhookDelivery::endpointId)
              .ifPresent(
                  endpointId -> {
                    switch (outcome) {
                      case AttemptOutcome.Delivered delivered ->
                          dao.noteHealth(endpointId, true, now);
                      case AttemptOutcome.DisableEndpoint disable ->
                          dao.disable(endpointId, disable.reason(), now);
                      case AttemptOutcome.Postponed later -> {}
                      default -> dao.noteHealth(endpointId, false, now);
                    }
                  });
        });
  }

  @Override
  public List<WebhookDelivery> deliveriesOfJob(String tenantId, UUID jobId) {
    return Sql.withExtension(jdbi, WebhookDao.class, dao -> dao.deliveriesOfJob(tenantId, jobId));
  }

  @Override
  public List<WebhookDelivery> deliveriesOfEndpoint(String tenantId, UUID endpointId, int limit) {
    return Sql.withExtension(
        jdbi, WebhookDao.class, dao -> dao.deliveriesOfEndpoint(tenantId, endpointId, limit));
  }

  @Override
  public List<WebhookAttempt> attempts(String deliveryId) {
    return Sql.withExtension(jdbi, WebhookDao.class, dao -> dao.attempts(deliveryId));
  }

  @Override
  public List<WebhookAttempt> attemptsOf(List<String> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    return Sql.withExtension(
        jdbi, WebhookDao.class, dao -> dao.attemptsOf(deliveryIds.toArray(String[]::new)));
  }

  @Override
  public Optional<WebhookDelivery> delivery(String tenantId, String deliveryId) {
    return Sql.withExtension(jdbi, WebhookDao.class, dao -> dao.delivery(tenantId, deliveryId));
  }

  @Override
  public Optional<WebhookDelivery> redeliver(String tenantId, String deliveryId) {
    Instant now = now();
    return Sql.withExtension(
        jdbi, WebhookDao.class, dao -> dao.redeliver(tenantId, deliveryId, now));
  }
}
