package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Usage;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobStoreIT {
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00.123456Z"));
  private HikariDataSource dataSource;
  private JobStore jobs;
  private OutboxStore outbox;

  @BeforeEach
  void setUp() {
    TestDatabase database = TestPostgres.newSchema();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(database.jdbcUrl());
    dataSource.setMaximumPoolSize(4);
    StoreMigrations.migrate(dataSource);
    Stores stores = Stores.postgres(dataSource, clock);
    jobs = stores.jobs();
    outbox = stores.outbox();
  }

  @AfterEach
  void tearDown() {
    dataSource.close();
  }

  private List<OutboxMessage> drainOutbox() {
    List<OutboxMessage> published = new ArrayList<>();
    while (outbox.relay(100, published::addAll) > 0) {
      // keep draining
    }
    return published;
  }

  private Job claimOne(UUID id, String owner) {
    return jobs.claim(List.of(id), owner, LEASE).getFirst();
  }

  private static Checkpoint step(int seq, String name, Instant start) {
    return model(seq, name, null, start);
  }

  /** A model call: the kind that carries tokens, top-level or inside step {@code parentSeq}. */
  private static Checkpoint model(int seq, String name, Integer parentSeq, Instant start) {
    return new Checkpoint(
        seq,
        name,
        Checkpoint.Kind.MODEL,
        parentSeq,
        seq + 1,
        0,
        Json.parse("{\"seq\":" + seq + "}"),
        "gpt-test",
        new Usage(100 + seq, 10 + seq),
        start,
        start.plusMillis(250));
  }

  @Test
  void submitStoresTheJobItsEventAndItsDispatchMessageTogether() {
    Job job = jobs.submit(aJob().inLane(Lane.BATCH).build());

    assertThat(job.status()).isEqualTo(JobState.QUEUED);
    assertThat(job.attempt()).isZero();
    assertThat(job.createdAt()).isEqualTo(clock.instant());
    assertThat(job.metadata()).containsEntry("source", "test");
    assertThat(jobs.events(job.id(), 0, 10))
        .extracting(JobEvent::type)
        .containsExactly("job.queued");

    List<OutboxMessage> published = drainOutbox();
    assertThat(published)
        .singleElement()
        .satisfies(
            message -> {
              assertThat(message.topic()).isEqualTo("jobs.batch");
              assertThat(message.key()).isEqualTo(job.id().toString());
              assertThat(message.payload().get("job_id").asString()).isEqualTo(job.id().toString());
              assertThat(message.payload().has("input")).as("never the payload").isFalse();
            });
    assertThat(outbox.pending()).isZero();
  }

  @Test
  void anotherTenantsJobIsNotFound() {
    Job job = jobs.submit(aJob().forTenant("acme").build());

    assertThat(jobs.find("acme", job.id())).isPresent();
    assertThat(jobs.find("globex", job.id())).isEmpty();
  }

  @Test
  void aDuplicateDispatchClaimsNothing() {
    Job job = jobs.submit(aJob().build());

    Job claimed = claimOne(job.id(), "worker-a");
    assertThat(claimed.status()).isEqualTo(JobState.RUNNING);
    assertThat(claimed.attempt()).isEqualTo(1);
    assertThat(claimed.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));

    assertThat(jobs.claim(List.of(job.id()), "worker-b", LEASE)).isEmpty();
    assertThat(jobs.find(job.id()).orElseThrow().leaseOwner()).isEqualTo("worker-a");
  }

  @Test
  void claimsManyJobsInOneCall() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(jobs.submit(aJob().build()).id());
    }
    ids.add(UUID.randomUUID()); // unknown ids are skipped, not errors

    assertThat(jobs.claim(ids, "worker-a", LEASE)).hasSize(5);
  }

  @Test
  void checkpointsComeBackInOrderAndTheFinishSumsTheirTokens() {
    Job job = claimOne(jobs.submit(aJob().build()).id(), "worker-a");
    Instant t0 = clock.instant();
    jobs.recordStep(job.id(), 1, step(0, "classify", t0));
    jobs.recordStep(job.id(), 1, step(1, "extract", t0.plusSeconds(1)));

    assertThat(jobs.checkpoints(job.id()))
        .extracting(Checkpoint::name)
        .containsExactly("classify", "extract");
    assertThat(jobs.checkpoints(job.id()).getFirst().startedAt()).isEqualTo(t0);
    assertThat(jobs.countCheckpoints(job.id())).as("top-level steps only").isZero();

    clock.advance(Duration.ofSeconds(2));
    Job done =
        jobs.finish(job.id(), 1, new Outcome.Succeeded(Json.parse("{\"ok\":true}"), "gpt-test"));
    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.usage()).isEqualTo(new Usage(201, 21));
    assertThat(done.leaseOwner()).isNull();
    assertThat(done.finishedAt()).isEqualTo(clock.instant());
    assertThat(jobs.events(job.id(), 0, 10))
        .extracting(JobEvent::type)
        .containsExactly("job.queued", "job.started", "job.succeeded");
  }

  @Test
  void aStaleAttemptCannotWriteAfterAnotherTookTheJob() {
    Job job = jobs.submit(aJob().build());
    claimOne(job.id(), "worker-a");
    jobs.recordStep(job.id(), 1, step(0, "classify", clock.instant()));

    clock.advance(LEASE.plusSeconds(1));
    assertThat(jobs.reapExpiredLeases(10)).isEqualTo(new JobStore.ReapResult(1, 0));
    Job second = claimOne(job.id(), "worker-b");
    assertThat(second.attempt()).isEqualTo(2);

    assertThatThrownBy(() -> jobs.recordStep(job.id(), 1, step(1, "extract", clock.instant())))
        .isInstanceOf(LeaseLostException.class)
        .hasMessageContaining("attempt 1");
    assertThatThrownBy(
            () -> jobs.finish(job.id(), 1, new Outcome.Succeeded(Json.object(), "stale")))
        .isInstanceOf(LeaseLostException.class);

    jobs.recordStep(job.id(), 2, step(1, "extract", clock.instant()));
    assertThat(jobs.checkpoints(job.id()))
        .extracting(Checkpoint::name, Checkpoint::attempt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("classify", 1),
            org.assertj.core.groups.Tuple.tuple("extract", 2));
  }

  @Test
  void heartbeatsExtendOnlyLeasesStillHeld() {
    Job a = claimOne(jobs.submit(aJob().build()).id(), "worker-a");
    Job b = claimOne(jobs.submit(aJob().build()).id(), "worker-a");
    jobs.finish(b.id(), 1, new Outcome.Failed(new ErrorInfo("boom", "boom", false, null)));

    clock.advance(Duration.ofSeconds(20));
    var held = jobs.heartbeat(Map.of(a.id(), 1, b.id(), 1), "worker-a", LEASE);

    assertThat(held.renewed()).containsExactly(a.id());
    assertThat(held.lost()).containsExactly(b.id());
    assertThat(held.cancelRequested()).isEmpty();
    assertThat(jobs.find(a.id()).orElseThrow().leaseExpiresAt())
        .isEqualTo(clock.instant().plus(LEASE));
    assertThat(jobs.heartbeat(Map.of(a.id(), 7), "worker-a", LEASE).lost()).containsExactly(a.id());
  }

  @Test
  void theReaperRedispatchesExpiredLeasesThenFailsJobsOutOfAttempts() {
    Job job = jobs.submit(aJob().withMaxAttempts(2).build());
    drainOutbox();

    claimOne(job.id(), "worker-a");
    clock.advance(LEASE.plusMillis(1));
    assertThat(jobs.reapExpiredLeases(10)).isEqualTo(new JobStore.ReapResult(1, 0));
    assertThat(drainOutbox()).extracting(OutboxMessage::topic).containsExactly("jobs.interactive");

    claimOne(job.id(), "worker-b");
    clock.advance(LEASE.plusMillis(1));
    assertThat(jobs.reapExpiredLeases(10)).isEqualTo(new JobStore.ReapResult(0, 1));

    Job failed = jobs.find(job.id()).orElseThrow();
    assertThat(failed.status()).isEqualTo(JobState.FAILED);
    assertThat(failed.error().code()).isEqualTo("lease_expired");
    assertThat(drainOutbox())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.topic()).isEqualTo("jobs.dlq");
              assertThat(letter.payload().get("attempts").asInt()).isEqualTo(2);
            });
  }

  @Test
  void aJobFailedByItsWorkerIsDeadLettered() {
    Job job = claimOne(jobs.submit(aJob().build()).id(), "worker-a");
    drainOutbox();

    jobs.finish(job.id(), 1, new Outcome.Failed(new ErrorInfo("model_error", "no", false, "x")));

    assertThat(drainOutbox())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.topic()).isEqualTo("jobs.dlq");
              assertThat(letter.payload().at("/error/code").asString()).isEqualTo("model_error");
            });
  }

  @Test
  void aLeaseNotYetExpiredIsLeftAlone() {
    Job job = claimOne(jobs.submit(aJob().build()).id(), "worker-a");
    clock.advance(LEASE.minusSeconds(1));

    assertThat(jobs.reapExpiredLeases(10)).isEqualTo(new JobStore.ReapResult(0, 0));
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void releasedJobsAreDispatchedAgainAtOnce() {
    Job job = claimOne(jobs.submit(aJob().build()).id(), "worker-a");
    drainOutbox();

    assertThat(jobs.release(job.id(), 1, "worker_shutdown")).isTrue();
    assertThat(jobs.release(job.id(), 1, "worker_shutdown")).isFalse();
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobState.QUEUED);
    assertThat(drainOutbox()).hasSize(1);
    assertThat(jobs.events(job.id(), 0, 10).getLast().data().get("reason").asString())
        .isEqualTo("worker_shutdown");
    assertThat(claimOne(job.id(), "worker-b").attempt()).isEqualTo(2);
  }

  @Test
  void staleQueuedJobsWithoutAWaitingMessageAreDispatchedAgain() {
    Job job = jobs.submit(aJob().build());
    clock.advance(Duration.ofMinutes(11));
    assertThat(jobs.redispatchStale(Duration.ofMinutes(10), 10))
        .as("its first message is still in the outbox")
        .isZero();

    drainOutbox();
    assertThat(jobs.redispatchStale(Duration.ofMinutes(10), 10)).isEqualTo(1);
    assertThat(drainOutbox()).extracting(OutboxMessage::key).containsExactly(job.id().toString());
    assertThat(jobs.redispatchStale(Duration.ofMinutes(10), 10)).as("not again at once").isZero();
  }

  @Test
  void aFailingPublisherLeavesMessagesInTheOutbox() {
    jobs.submit(aJob().build());

    assertThatThrownBy(
            () ->
                outbox.relay(
                    10,
                    batch -> {
                      throw new IllegalStateException("broker down");
                    }))
        .hasMessage("broker down");
    assertThat(outbox.pending()).isEqualTo(1);
    assertThat(drainOutbox()).hasSize(1);
  }

  @Test
  void migrationsAreIdempotent() {
    assertThat(StoreMigrations.migrate(dataSource)).isZero();
  }
}
