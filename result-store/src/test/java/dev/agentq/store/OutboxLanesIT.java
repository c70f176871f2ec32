package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A night's batch written to the outbox ahead of an interactive job does not hold it back. */
class OutboxLanesIT {
  private HikariDataSource dataSource;
  private Stores stores;

  @BeforeEach
  void setUp() {
    TestDatabase database = TestPostgres.newSchema();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setMaximumPoolSize(4);
    StoreMigrations.migrate(dataSource);
    stores = Stores.postgres(dataSource, Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    dataSource.close();
  }

  private List<NewJob> batchJobs(int count) {
    return IntStream.range(0, count).mapToObj(i -> aJob().inLane(Lane.BATCH).build()).toList();
  }

  @Test
  void otherMessagesArePublishedAheadOfTheBatchLaneAndEachLaneInOrder() {
    List<NewJob> before = batchJobs(2_000);
    stores.jobs().submitAll(before).forEach(Attempted::orThrow);
    NewJob interactive = aJob().build();
    stores.jobs().submit(interactive);
    stores.outbox().deadLetter("poison", Json.object().put("reason", "test"));
    List<NewJob> after = batchJobs(10);
    stores.jobs().submitAll(after).forEach(Attempted::orThrow);

    List<OutboxMessage> first = new ArrayList<>();
    stores.outbox().relay(100, first::addAll);

    assertThat(first).hasSize(100);
    assertThat(first.get(0).key()).isEqualTo(interactive.id().toString());
    assertThat(first.get(0).topic()).isEqualTo(Lane.INTERACTIVE.topic());
    assertThat(first.get(1).key()).isEqualTo("poison");
    assertThat(first.subList(2, 100))
        .extracting(OutboxMessage::key)
        .containsExactlyElementsOf(
            before.subList(0, 98).stream().map(job -> job.id().toString()).toList());

    List<OutboxMessage> rest = new ArrayList<>();
    while (stores.outbox().relay(500, rest::addAll) > 0) {
      // until the outbox is empty
    }
    List<String> batchOrder = new ArrayList<>();
    before.forEach(job -> batchOrder.add(job.id().toString()));
    after.forEach(job -> batchOrder.add(job.id().toString()));
    assertThat(rest)
        .extracting(OutboxMessage::key)
        .containsExactlyElementsOf(batchOrder.subList(98, batchOrder.size()));
  }
}
