package dev.agentq.worker.webhook;

import java.time.Duration;

/**
 * What one HTTP attempt got.
 *
 * @param statusCode the receiver's status, or null if none came back
 * @param retryAfter the wait a 429 or 503 asked for, or null
 * @param error what went wrong, or null on a 2xx
 * @param refused true when the URL was refused before sending (not a public address)
 */
record SendResult(
    Integer statusCode, Duration latency, Duration retryAfter, String error, boolean refused) {

  boolean delivered() {
    return statusCode != null && statusCode >= 200 && statusCode < 300;
  }
}
