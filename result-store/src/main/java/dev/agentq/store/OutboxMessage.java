package dev.agentq.store;

import tools.jackson.databind.JsonNode;

/**
 * A message waiting in the outbox.
 *
 * @param topic logical topic such as {@code jobs.interactive}; the relay adds the deployment's
 *     prefix
 * @param key the Kafka key (a job id), which keeps one job's messages in order
 */
public record OutboxMessage(long id, String topic, String key, JsonNode payload) {
  /**
   * Logical topic of dead letters: jobs that failed for good and messages that could not be read.
   */
  public static final String DEAD_LETTER_TOPIC = "jobs.dlq";
}
