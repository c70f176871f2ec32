package dev.agentq.worker.dispatch;

/**
 * One message as received, whatever carried it.
 *
 * @param origin where it came from, such as {@code agentq.jobs.batch-3@1207}, for dead letters
 */
public record Delivery(String key, byte[] value, String origin) {}
