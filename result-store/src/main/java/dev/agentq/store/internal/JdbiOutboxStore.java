package dev.agentq.store.internal;

import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Topics;
import dev.agentq.store.OutboxMessage;
import dev.agentq.store.OutboxStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;

/** {@link OutboxStore} on Postgres through Jdbi. */
public final class JdbiOutboxStore implements OutboxStore {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiOutboxStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public int relay(int limit, Consumer<List<OutboxMessage>> publisher) {
    return Sql.inTransaction(
        jdbi,
        handle -> {
          OutboxDao outbox = handle.attach(OutboxDao.class);
          // The batch lane's messages go last, so that a night's batch of 100,000 jobs written
          // ahead of an interactive job does not hold back its dispatch.
          String batchLane = Lane.BATCH.topic();
          List<OutboxMessage> batch = new ArrayList<>(outbox.lockNextExcept(batchLane, limit));
          if (batch.size() < limit) {
            batch.addAll(outbox.lockNextOf(batchLane, limit - batch.size()));
          }
          if (batch.isEmpty()) {
            return 0;
          }
          publisher.accept(batch);
          outbox.delete(batch.stream().mapToLong(OutboxMessage::id).toArray());
          return batch.size();
        });
  }

  @Override
  public void deadLetter(String key, JsonNode payload) {
    Sql.useTransaction(
        jdbi,
        handle ->
            handle
                .attach(OutboxDao.class)
                .insert(Topics.DEAD_LETTERS, key, payload, clock.instant()));
  }

  @Override
  public long pending() {
    return Sql.withExtension(jdbi, OutboxDao.class, OutboxDao::count);
  }
}
