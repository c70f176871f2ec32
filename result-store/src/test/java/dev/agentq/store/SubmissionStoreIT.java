package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubmissionStoreIT {
  private static final Duration DAY = Duration.ofHours(24);
  private static final byte[] HASH_A = TenantsAndKeysIT.sha256("request a");
  private static final byte[] HASH_B = TenantsAndKeysIT.sha256("request b");

  private final MigratedDatabase db = new MigratedDatabase(16);
  private final SubmissionStore submissions = db.stores.submissions();
  private final JobStore jobs = db.stores.jobs();

  @AfterEach
  void close() {
    db.close();
  }

  private static Submission keyed(NewJobs job, String key, byte[] hash) {
    return new Submission(job.build(), key, hash, "req-1", 1000);
  }

  @Test
  void aSubmissionStoresTheJobItsEventAndItsMessageWithTheRequestId() {
    Submitted submitted =
        submissions.submit(new Submission(aJob().build(), null, null, "req-42", 10), DAY);

    Job job = ((Submitted.Accepted) submitted).job();
    assertThat(jobs.events(job.id(), 0, 10))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.type()).isEqualTo("job.queued");
              assertThat(event.data().get("request_id").asString()).isEqualTo("req-42");
            });
    List<OutboxMessage> published = new ArrayList<>();
    db.stores.outbox().relay(10, published::addAll);
    assertThat(published)
        .singleElement()
        .satisfies(m -> assertThat(m.payload().get("request_id").asString()).isEqualTo("req-42"));
  }

  @Test
  void aRetriedJobIsDispatchedAgainInTheTraceOfItsSubmit() {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    Job job =
        ((Submitted.Accepted)
                submissions.submit(
                    new Submission(aJob().build(), null, null, "req-7", 10, traceparent), DAY))
            .job();
    List<OutboxMessage> published = new ArrayList<>();
    db.stores.outbox().relay(10, published::addAll);
    assertThat(published)
        .singleElement()
        .satisfies(
            m -> assertThat(m.payload().get("traceparent").asString()).isEqualTo(traceparent));

    Job claimed = jobs.claim(List.of(job.id()), "w1", Duration.ofMinutes(1)).getFirst();
    jobs.finish(
        job.id(),
        claimed.attempt(),
        new Outcome.Failed(new dev.agentq.schemas.ErrorInfo("boom", "failed", false, "classify")));
    assertThat(jobs.retry(job.tenantId(), job.id(), 3, "req-8")).isPresent();

    published.clear();
    db.stores.outbox().relay(10, published::addAll);
    assertThat(published)
        .filteredOn(m -> m.topic().equals(job.lane().topic()))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.payload().get("traceparent").asString()).isEqualTo(traceparent);
              assertThat(m.payload().get("request_id").asString()).isEqualTo("req-8");
            });
  }

  @Test
  void theSameKeyAndRequestGiveTheSameJobAndAnotherRequestIsRefused() {
    Job first = ((Submitted.Accepted) submissions.submit(keyed(aJob(), "k1", HASH_A), DAY)).job();

    assertThat(submissions.submit(keyed(aJob(), "k1", HASH_A), DAY))
        .isEqualTo(new Submitted.Replayed(first));
    assertThat(submissions.submit(keyed(aJob(), "k1", HASH_B), DAY))
        .isEqualTo(new Submitted.KeyReused(first.id()));
    assertThat(submissions.submit(keyed(aJob().forTenant("globex"), "k1", HASH_B), DAY))
        .as("keys are per tenant")
        .isInstanceOf(Submitted.Accepted.class);
    assertThat(TestRows.count(db.database, "SELECT count(*) FROM jobs")).isEqualTo(2);
  }

  @Test
  void anExpiredKeyMayBeUsedAgain() {
    submissions.submit(keyed(aJob(), "k1", HASH_A), DAY);
    db.clock.advance(DAY.plusSeconds(1));

    assertThat(submissions.submit(keyed(aJob(), "k1", HASH_B), DAY))
        .isInstanceOf(Submitted.Accepted.class);
  }

  @Test
  void manyConcurrentIdenticalSubmitsMakeOneJob() throws Exception {
    int clients = 32;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Submitted>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return submissions.submit(keyed(aJob(), "race", HASH_A), DAY);
                }));
      }
      start.countDown();
    }
    List<Submitted> results = new ArrayList<>();
    for (Future<Submitted> answer : answers) {
      results.add(answer.get());
    }

    assertThat(results).filteredOn(Submitted.Accepted.class::isInstance).hasSize(1);
    assertThat(results).filteredOn(Submitted.Replayed.class::isInstance).hasSize(clients - 1);
    assertThat(TestRows.count(db.database, "SELECT count(*) FROM jobs")).isEqualTo(1);
    assertThat(TestRows.count(db.database, "SELECT count(*) FROM outbox")).isEqualTo(1);
  }

  @Test
  void aTenantsQueueIsCappedAndAFullQueueStoresNothing() {
    for (int i = 0; i < 3; i++) {
      assertThat(submissions.submit(new Submission(aJob().build(), null, null, null, 3), DAY))
          .isInstanceOf(Submitted.Accepted.class);
    }
    assertThat(submissions.submit(new Submission(aJob().build(), null, null, null, 3), DAY))
        .isEqualTo(new Submitted.QueueFull(3));
    assertThat(submissions.submit(new Submission(aJob().build(), "k-full", HASH_A, null, 3), DAY))
        .isEqualTo(new Submitted.QueueFull(3));
    assertThat(
            submissions.submit(
                new Submission(aJob().forTenant("globex").build(), null, null, null, 3), DAY))
        .as("another tenant's queue is its own")
        .isInstanceOf(Submitted.Accepted.class);
    assertThat(TestRows.count(db.database, "SELECT count(*) FROM idempotency_keys")).isZero();
    assertThat(TestRows.count(db.database, "SELECT count(*) FROM jobs")).isEqualTo(4);
  }
}
