package dev.agentq.testkit.webhook;

import java.time.Instant;
import java.util.Map;

/**
 * One webhook request as the receiver got it.
 *
 * @param headers lower-case names
 * @param body the raw body, exactly as sent (signatures are over these bytes)
 */
public record ReceivedWebhook(String path, Map<String, String> headers, String body, Instant at) {

  public String id() {
    return headers.get("webhook-id");
  }

  public long timestamp() {
    return Long.parseLong(headers.get("webhook-timestamp"));
  }

  public String signature() {
    return headers.get("webhook-signature");
  }
}
