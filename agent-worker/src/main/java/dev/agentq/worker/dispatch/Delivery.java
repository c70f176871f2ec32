package dev.agentq.worker.dispatch;

/**
 * One message as received, whatever carried it.
 *
 * @param origin where it came from, such as {@code agentq.jobs.batch-3@1207}, for dead letters
 * @param traceparent the W3C trace context the transport carried with it, or null
 */
public record Delivery(String key, byte[] value, String origin, String traceparent) {
  public Delivery(String key, byte[] value, String origin) {
    this(key, value, origin, null);
  }
}
