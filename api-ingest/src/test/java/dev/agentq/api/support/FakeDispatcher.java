package dev.agentq.api.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.webhook.WebhookSignature;
import dev.agentq.store.Stores;
import dev.agentq.store.webhook.AttemptOutcome;
import dev.agentq.store.webhook.DeliveryTask;
import dev.agentq.store.webhook.WebhookAttempt;
import dev.agentq.store.webhook.WebhookStore;
import dev.agentq.testkit.db.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Does in Postgres and over HTTP what a worker's webhook dispatcher does, through the real store:
 * claims due deliveries with the secrets that sign them, sends each signed per Standard Webhooks,
 * records the attempt. 2xx is delivered, 410 disables the endpoint, anything else waits an hour for
 * its next attempt. One pass at a time, when a test asks, so that tests never wait on a poll.
 */
public final class FakeDispatcher implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private final HikariDataSource dataSource = new HikariDataSource();
  private final WebhookStore store;

  public FakeDispatcher(TestDatabase db) {
    dataSource.setJdbcUrl(db.jdbcUrl());
    dataSource.setMaximumPoolSize(2);
    store = Stores.postgres(dataSource, Clock.systemUTC()).webhooks();
  }

  /** Claims every due delivery, without sending: as a worker in the middle of an attempt. */
  public List<DeliveryTask> claim() {
    return store.claimDue("fake-dispatcher", Duration.ofMinutes(5), 100);
  }

  /** Sends every due delivery once and records each attempt; returns how many were sent. */
  public int deliverDue() {
    List<DeliveryTask> tasks = claim();
    tasks.forEach(this::send);
    return tasks.size();
  }

  private void send(DeliveryTask task) {
    var delivery = task.delivery();
    String body = Json.write(delivery.payload());
    long timestamp = Instant.now().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header("webhook-id", delivery.id())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                WebhookSignature.header(task.secrets(), delivery.id(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    Instant at = Instant.now();
    long started = System.nanoTime();
    Integer status = null;
    String error;
    try {
      status = HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      error = status / 100 == 2 ? null : "the receiver answered " + status;
    } catch (IOException e) {
      error = "could not reach the receiver: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    int latency = (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
    AttemptOutcome outcome;
    if (error == null) {
      outcome = new AttemptOutcome.Delivered();
    } else if (status != null && status == 410 && delivery.endpointId() != null) {
      outcome = new AttemptOutcome.DisableEndpoint("the endpoint answered 410 Gone");
    } else {
      outcome = new AttemptOutcome.RetryAt(Instant.now().plus(Duration.ofHours(1)));
    }
    store.recordAttempt(new WebhookAttempt(delivery.id(), at, status, latency, error), outcome);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
