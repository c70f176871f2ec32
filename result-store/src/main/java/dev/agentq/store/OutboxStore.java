package dev.agentq.store;

import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/** The transactional outbox: messages written with the change they announce, published later. */
public interface OutboxStore {

  /**
   * Locks up to {@code limit} waiting messages (skipping those another relay holds), hands them to
   * {@code publisher}, and deletes them once it returns. If {@code publisher} throws, the messages
   * stay for the next pass. Returns how many were published. Messages of the batch lane come last:
   * every other waiting message (interactive dispatches, dead letters) is handed over first, each
   * group in the order it was written.
   */
  int relay(int limit, Consumer<List<OutboxMessage>> publisher);

  /** Queues a dead letter: a message that could not be handled, and why. */
  void deadLetter(String key, JsonNode payload);

  /** How many messages are waiting. */
  long pending();
}
