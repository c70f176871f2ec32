package dev.agentq.worker.webhook;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.webhook.WebhookSignature;
import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import dev.agentq.store.webhook.DeliveryTask;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Sends one webhook, signed per Standard Webhooks: the URL is checked against the policy again
 * (after DNS resolution), redirects are not followed, the connection has 5 s and the whole request
 * 15 s, and at most a few KiB of the answer are read.
 */
final class WebhookSender {
  private static final int MAX_RESPONSE_BYTES = 4096;

  private final HttpClient http;
  private final Duration timeout;
  private final WebhookUrlPolicy policy;
  private final Clock clock;

  WebhookSender(Duration connectTimeout, Duration timeout, WebhookUrlPolicy policy, Clock clock) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.policy = policy;
    this.clock = clock;
  }

  SendResult send(DeliveryTask task) {
    var delivery = task.delivery();
    Optional<String> refused = policy.problem(delivery.url());
    if (refused.isPresent()) {
      return new SendResult(null, Duration.ZERO, null, "refused: " + refused.get(), true);
    }
    String body = Json.write(delivery.payload());
    long timestamp = clock.instant().getEpochSecond();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "agentq-webhooks/1")
            .header("webhook-id", delivery.id())
            .header("webhook-timestamp", Long.toString(timestamp))
            .header(
                "webhook-signature",
                WebhookSignature.header(task.secrets(), delivery.id(), timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long started = System.nanoTime();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        in.readNBytes(MAX_RESPONSE_BYTES);
      }
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      int status = response.statusCode();
      String error = status >= 200 && status < 300 ? null : "the receiver answered " + status;
      Duration retryAfter =
          status == 429 || status == 503
              ? retryAfter(response.headers().firstValue("Retry-After").orElse(null))
              : null;
      return new SendResult(status, latency, retryAfter, error, false);
    } catch (HttpTimeoutException e) {
      return failure(started, "no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return failure(started, "could not reach the receiver: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(started, "interrupted");
    }
  }

  private static SendResult failure(long started, String error) {
    return new SendResult(null, Duration.ofNanos(System.nanoTime() - started), null, error, false);
  }

  private Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.strip()));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(clock.instant(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }
}
