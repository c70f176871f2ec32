package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobEventSignalsIT {
  private final MigratedDatabase db = new MigratedDatabase(4);
  private final JobEventSignals signals = Stores.eventSignals(db.dataSource);

  @AfterEach
  void close() {
    signals.close();
    db.close();
  }

  @Test
  void aSubscriberHearsOfItsJobsEventsFromAnyWriter() {
    UUID watched = db.stores.jobs().submit(aJob().build()).id();
    UUID other = db.stores.jobs().submit(aJob().build()).id();
    AtomicInteger heard = new AtomicInteger();
    AtomicInteger heardOther = new AtomicInteger();
    signals.subscribe(other, heardOther::incrementAndGet);
    await().atMost(Duration.ofSeconds(30)).until(signals::listening);
    JobEventSignals.Subscription subscription = signals.subscribe(watched, heard::incrementAndGet);
    try {
      int before = heard.get();
      int otherBefore = heardOther.get();

      db.stores.jobs().claim(List.of(watched), "worker", Duration.ofSeconds(30));

      await().atMost(Duration.ofSeconds(30)).until(() -> heard.get() > before);
      assertThat(heardOther.get()).isEqualTo(otherBefore);
    } finally {
      subscription.close();
    }
  }

  @Test
  void aStatementOfEventsForManyJobsSignalsEveryone() {
    UUID bystander = db.stores.jobs().submit(aJob().build()).id();
    for (int i = 0; i < 200; i++) {
      db.stores.jobs().submit(aJob().build());
    }
    AtomicInteger heard = new AtomicInteger();
    signals.subscribe(bystander, heard::incrementAndGet);
    await().atMost(Duration.ofSeconds(30)).until(signals::listening);
    int before = heard.get();

    // 200 job ids do not fit in one notification: everyone is told to look again
    db.database.execute(
        "INSERT INTO job_events (job_id, type, data, created_at)"
            + " SELECT id, 'step.completed', '{}', now() FROM jobs WHERE id <> '"
            + bystander
            + "'");

    await().atMost(Duration.ofSeconds(30)).until(() -> heard.get() > before);
  }
}
