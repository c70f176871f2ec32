package dev.agentq.api.outbox;

import dev.agentq.store.OutboxMessage;
import java.util.List;

/** Where outbox messages go: a broker. */
public interface JobQueue extends AutoCloseable {

  /**
   * Publishes every message and returns once the broker has acknowledged them all.
   *
   * @throws RuntimeException if any could not be published; the caller keeps them all to retry
   */
  void publish(List<OutboxMessage> messages);

  @Override
  void close();
}
