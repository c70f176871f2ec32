package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Usage;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.time.MutableClock;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/** Retries, cancellation, nested checkpoints, group commit and conversation threads. */
class JobStoreDurabilityIT {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final ErrorInfo UNAVAILABLE =
      new ErrorInfo("model_unavailable", "503 from the provider", true, "classify");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));
  private HikariDataSource dataSource;
  private JobStore jobs;
  private OutboxStore outbox;

  @BeforeEach
  void setUp() {
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(TestPostgres.newSchema().jdbcUrl());
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

  private Job claim(UUID id) {
    return jobs.claim(List.of(id), "worker-a", LEASE).getFirst();
  }

  private List<OutboxMessage> drainOutbox() {
    List<OutboxMessage> published = new ArrayList<>();
    while (outbox.relay(100, published::addAll) > 0) {
      // keep draining
    }
    return published;
  }

  private Checkpoint checkpoint(
      int seq, String name, Checkpoint.Kind kind, Integer parent, int end) {
    Instant now = clock.instant();
    return new Checkpoint(
        seq,
        name,
        kind,
        parent,
        end,
        0,
        Json.object().put("at", seq),
        "m",
        new Usage(10, 1),
        now,
        now.plusMillis(5));
  }

  @Test
  void aRetryWaitsUntilItIsDueThenIsQueuedAndDispatchedAgain() {
    Job job = claim(jobs.submit(aJob().build()).id());
    drainOutbox();

    assertThat(jobs.retryLater(job.id(), 1, UNAVAILABLE, clock.instant().plusSeconds(8))).isTrue();
    Job waiting = jobs.find(job.id()).orElseThrow();
    assertThat(waiting.status()).isEqualTo(JobState.RETRY_WAIT);
    assertThat(waiting.error()).isEqualTo(UNAVAILABLE);
    assertThat(jobs.claim(List.of(job.id()), "worker-b", LEASE)).as("not claimable").isEmpty();

    clock.advance(Duration.ofSeconds(7));
    assertThat(jobs.dispatchDueRetries(10)).isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(jobs.dispatchDueRetries(10)).isEqualTo(1);
    assertThat(drainOutbox()).extracting(OutboxMessage::key).containsExactly(job.id().toString());

    Job second = claim(job.id());
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(jobs.finish(job.id(), 2, new Outcome.Succeeded(Json.object(), "m")).error())
        .as("success clears the last error")
        .isNull();
  }

  @Test
  void aStaleAttemptCannotScheduleARetry() {
    Job job = claim(jobs.submit(aJob().build()).id());
    assertThat(jobs.retryLater(job.id(), 2, UNAVAILABLE, clock.instant())).isFalse();
    assertThat(jobs.find(job.id()).orElseThrow().status()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void cancellingAWaitingJobEndsItAtOnce() {
    Job job = jobs.submit(aJob().forTenant("acme").build());

    assertThat(jobs.requestCancel("globex", job.id())).as("another tenant's job").isEmpty();
    Job cancelled = jobs.requestCancel("acme", job.id()).orElseThrow();

    assertThat(cancelled.status()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.finishedAt()).isEqualTo(clock.instant());
    assertThat(jobs.claim(List.of(job.id()), "w", LEASE)).isEmpty();
    assertThat(jobs.events(job.id(), 0, 10)).extracting(JobEvent::type).endsWith("job.cancelled");
  }

  @Test
  void cancellingARunningJobFlagsItNotifiesWorkersAndTheWorkerEndsIt() throws Exception {
    Job job = claim(jobs.submit(aJob().build()).id());
    try (Connection listener = dataSource.getConnection()) {
      listener.createStatement().execute("LISTEN agentq_cancel");

      Job flagged = jobs.requestCancel("default", job.id()).orElseThrow();
      assertThat(flagged.status()).isEqualTo(JobState.RUNNING);
      assertThat(flagged.cancelRequestedAt()).isEqualTo(clock.instant());

      var notifications = listener.unwrap(PGConnection.class).getNotifications(5_000);
      assertThat(notifications).extracting(n -> n.getParameter()).contains(job.id().toString());
    }
    assertThat(jobs.heartbeat(java.util.Map.of(job.id(), 1), "worker-a", LEASE).cancelRequested())
        .containsExactly(job.id());

    Job ended = jobs.finish(job.id(), 1, new Outcome.Cancelled());
    assertThat(ended.status()).isEqualTo(JobState.CANCELLED);
    assertThat(jobs.requestCancel("default", job.id()).orElseThrow().status())
        .as("an ended job stays as it is")
        .isEqualTo(JobState.CANCELLED);
    assertThat(jobs.events(job.id(), 0, 10))
        .extracting(JobEvent::type)
        .containsSubsequence("job.cancel_requested", "job.cancelled");
  }

  @Test
  void callsInsideAStepAreRecordedAndOnlyModelCallsCountTokens() {
    Job job = claim(jobs.submit(aJob().build()).id());
    jobs.recordStep(job.id(), 1, checkpoint(1, "research.model", Checkpoint.Kind.MODEL, 0, 2));
    jobs.recordStep(job.id(), 1, checkpoint(2, "calculator", Checkpoint.Kind.TOOL, 0, 3));
    jobs.recordStep(job.id(), 1, checkpoint(0, "research", Checkpoint.Kind.STEP, null, 3));

    assertThat(jobs.checkpoints(job.id()))
        .extracting(Checkpoint::seq, Checkpoint::kind, Checkpoint::parentSeq, Checkpoint::endSeq)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, Checkpoint.Kind.STEP, null, 3),
            org.assertj.core.groups.Tuple.tuple(1, Checkpoint.Kind.MODEL, 0, 2),
            org.assertj.core.groups.Tuple.tuple(2, Checkpoint.Kind.TOOL, 0, 3));
    assertThat(jobs.countCheckpoints(job.id())).isEqualTo(1);
    assertThat(jobs.events(job.id(), 0, 10))
        .filteredOn(e -> e.type().equals("step.completed"))
        .hasSize(1);
    assertThat(jobs.finish(job.id(), 1, new Outcome.Succeeded(Json.object(), "m")).usage())
        .isEqualTo(new Usage(10, 1));
  }

  @Test
  void aGroupCommitRecordsTheHeldAndRefusesTheStale() {
    Job held = claim(jobs.submit(aJob().build()).id());
    Job other = claim(jobs.submit(aJob().build()).id());
    var writes =
        List.of(
            new StepWrite(held.id(), 1, checkpoint(0, "a", Checkpoint.Kind.STEP, null, 1)),
            new StepWrite(other.id(), 9, checkpoint(0, "a", Checkpoint.Kind.STEP, null, 1)),
            new StepWrite(other.id(), 1, checkpoint(0, "a", Checkpoint.Kind.STEP, null, 1)));

    assertThat(jobs.recordSteps(writes)).containsExactly(writes.get(1));
    assertThat(jobs.checkpoints(held.id())).hasSize(1);
    assertThat(jobs.checkpoints(other.id()))
        .singleElement()
        .extracting(Checkpoint::attempt)
        .isEqualTo(1);
  }

  @Test
  void jobsOfOneThreadRunOneAtATimeInOrder() {
    Job first = jobs.submit(aJob().inThread("t-1").build());
    clock.advance(Duration.ofMillis(1));
    Job second = jobs.submit(aJob().inThread("t-1").build());
    Job elsewhere = jobs.submit(aJob().inThread("t-2").build());
    drainOutbox();

    assertThat(jobs.claim(List.of(second.id(), first.id(), elsewhere.id()), "w", LEASE))
        .extracting(Job::id)
        .containsExactlyInAnyOrder(first.id(), elsewhere.id());
    assertThat(jobs.claim(List.of(second.id()), "w", LEASE)).as("its thread is busy").isEmpty();

    jobs.finish(
        first.id(), 1, new Outcome.Succeeded(Json.object(), "m", Json.parse("[{\"m\":1}]")));
    assertThat(drainOutbox())
        .as("the thread's next job is dispatched when the first ends")
        .extracting(OutboxMessage::key)
        .containsExactly(second.id().toString());
    assertThat(jobs.claim(List.of(second.id()), "w", LEASE)).hasSize(1);
    assertThat(jobs.conversation("default", "t-1")).hasValue(Json.parse("[{\"m\":1}]"));
    assertThat(jobs.conversation("default", "t-2")).isEmpty();
  }

  @Test
  void aJobCanAskToBeRefusedWhileItsThreadIsBusy() {
    jobs.submit(aJob().inThread("t-1").build());

    assertThatThrownBy(() -> jobs.submit(aJob().inThread("t-1").rejectIfThreadBusy().build()))
        .isInstanceOf(ThreadBusyException.class)
        .hasMessageContaining("t-1");
    assertThat(jobs.submit(aJob().inThread("t-9").rejectIfThreadBusy().build()).status())
        .isEqualTo(JobState.QUEUED);
  }

  @Test
  void aBatchOfSubmitsRefusesOnlyTheItemWhoseThreadIsBusy() {
    jobs.submit(aJob().inThread("busy").build());

    List<Attempted<Job>> results =
        jobs.submitAll(
            List.of(
                aJob().build(),
                aJob().inThread("busy").rejectIfThreadBusy().build(),
                aJob().inThread("free").rejectIfThreadBusy().build()));

    assertThat(results.get(0).value().status()).isEqualTo(JobState.QUEUED);
    assertThat(results.get(1).error()).isInstanceOf(ThreadBusyException.class);
    assertThat(results.get(2).value()).isNotNull();
    assertThat(jobs.find(results.get(0).value().id())).hasValue(results.get(0).value());
    assertThat(drainOutbox()).hasSize(3);
  }

  @Test
  void aBatchOfEndsRefusesOnlyTheStaleItem() {
    Job held = claim(jobs.submit(aJob().build()).id());
    Job other = claim(jobs.submit(aJob().build()).id());

    List<Attempted<Job>> results =
        jobs.finishAll(
            List.of(
                new Finish(held.id(), 1, new Outcome.Succeeded(Json.object(), "m")),
                new Finish(other.id(), 2, new Outcome.Cancelled())));

    assertThat(results.get(0).value().status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(results.get(1).error()).isInstanceOf(LeaseLostException.class);
    assertThat(jobs.find(other.id()).orElseThrow().status()).isEqualTo(JobState.RUNNING);
  }

  @Test
  void concurrentCheckpointsOfManyJobsAreAllRecorded() throws Exception {
    List<Job> running = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      running.add(claim(jobs.submit(aJob().build()).id()));
    }
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
      for (Job job : running) {
        writes.add(
            threads.submit(
                () ->
                    jobs.recordStep(
                        job.id(), 1, checkpoint(0, "s", Checkpoint.Kind.STEP, null, 1))));
      }
      for (var write : writes) {
        write.get();
      }
    }
    assertThat(running).allSatisfy(job -> assertThat(jobs.countCheckpoints(job.id())).isEqualTo(1));
  }

  @Test
  void aHeartbeatSkipsARowBusyWithAWriteWithoutCallingItLost() throws Exception {
    Job busy = claim(jobs.submit(aJob().build()).id());
    Job idle = claim(jobs.submit(aJob().build()).id());
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(false);
      other
          .createStatement()
          .execute("SELECT 1 FROM jobs WHERE id = '" + busy.id() + "' FOR SHARE");

      Heartbeat beat =
          jobs.heartbeat(java.util.Map.of(busy.id(), 1, idle.id(), 1), "worker-a", LEASE);

      assertThat(beat.renewed()).containsExactly(idle.id());
      assertThat(beat.lost()).as("busy is not lost, only skipped this beat").isEmpty();
      other.rollback();
    }
  }
}
