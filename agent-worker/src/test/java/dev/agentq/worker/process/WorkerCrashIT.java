package dev.agentq.worker.process;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Topics;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.NewJob;
import dev.agentq.store.OutboxMessage;
import dev.agentq.store.StoreMigrations;
import dev.agentq.store.Stores;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.testkit.process.ChildJvm;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.KafkaRelay;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two worker processes against one Kafka and one Postgres. A worker killed with {@code kill -9} in
 * the middle of a job, or frozen with SIGSTOP until its lease is gone, loses the job to the other
 * worker, which finishes it; no finished step runs twice, and the frozen worker's late write is
 * refused.
 */
class WorkerCrashIT {
  private static final String PREFIX = TestKafka.newPrefix();
  private static final DigestModel MODEL = new DigestModel();
  private static final AtomicReference<Duration> EXTRACT_DELAY =
      new AtomicReference<>(Duration.ZERO);

  private static FakeOpenAiServer openAi;
  private static HikariDataSource dataSource;
  private static Stores stores;
  private static KafkaRelay relay;
  private static WorkerProcesses workers;

  @BeforeAll
  static void start() throws Exception {
    openAi =
        FakeOpenAiServer.start()
            .respondWith(
                request -> {
                  Reply reply = MODEL.reply(request);
                  return DigestModel.EXTRACT.equals(request.responseSchemaName())
                      ? reply.withDelay(EXTRACT_DELAY.getAndSet(Duration.ZERO))
                      : reply;
                });
    String jdbcUrl = TestPostgres.newSchema().jdbcUrl();
    dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(jdbcUrl);
    StoreMigrations.migrate(dataSource);
    stores = Stores.postgres(dataSource, Clock.systemUTC());
    relay = new KafkaRelay(TestKafka.bootstrapServers(), new Topics(PREFIX), stores.outbox());
    workers = new WorkerProcesses(jdbcUrl, TestKafka.bootstrapServers(), PREFIX, openAi.baseUrl());
    workers.start("worker-1");
    workers.start("worker-2");
    awaitBothConsuming();
  }

  @AfterAll
  static void stop() {
    if (workers != null) {
      workers.close();
    }
    if (relay != null) {
      relay.close();
    }
    if (openAi != null) {
      openAi.close();
    }
    if (dataSource != null) {
      dataSource.close();
    }
  }

  /** Both workers have joined the group and hold partitions of both lanes (a consumer per lane). */
  private static void awaitBothConsuming() {
    try (var admin =
        org.apache.kafka.clients.admin.Admin.create(
            java.util.Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      await("both workers consume")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> membersWithPartitions(admin) == 4);
    }
  }

  private static long membersWithPartitions(org.apache.kafka.clients.admin.Admin admin) {
    try {
      return admin
          .describeConsumerGroups(List.of(PREFIX + "workers"))
          .all()
          .get()
          .get(PREFIX + "workers")
          .members()
          .stream()
          .filter(member -> !member.assignment().topicPartitions().isEmpty())
          .count();
    } catch (java.util.concurrent.ExecutionException e) {
      return 0; // the group does not exist until the first worker joins
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  private static UUID submit() {
    NewJob job = aDigestJob().build();
    stores.jobs().submit(job);
    relay.relayOutbox();
    return job.id();
  }

  private static Job job(UUID id) {
    return stores.jobs().find(id).orElseThrow();
  }

  private static long calls(String schema, UUID jobId) {
    return openAi.requests().stream()
        .filter(r -> schema.equals(r.responseSchemaName()))
        .map(RecordedRequest::lastUserMessage)
        .filter(text -> text.contains(jobId.toString()))
        .count();
  }

  /** The reaper's re-dispatches go through the outbox: the test relays it while it waits. */
  private static void awaitStatus(UUID jobId, JobState status) {
    await("job " + jobId + " " + status.wire())
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              relay.relayOutbox();
              return job(jobId).status() == status;
            });
  }

  private static List<Checkpoint> steps(UUID jobId) {
    return stores.jobs().checkpoints(jobId).stream()
        .filter(c -> c.kind() == Checkpoint.Kind.STEP)
        .toList();
  }

  @Test
  void aJobWhoseWorkerIsKilledFinishesOnTheOtherWithoutRepeatingFinishedSteps() {
    EXTRACT_DELAY.set(Duration.ofMinutes(10));
    UUID jobId = submit();
    await("extract is in flight")
        .atMost(Duration.ofMinutes(1))
        .until(() -> calls(DigestModel.EXTRACT, jobId) == 1);
    String holder = job(jobId).leaseOwner();
    ChildJvm victim = workers.get(holder);

    victim.kill9();
    awaitStatus(jobId, JobState.SUCCEEDED);

    Job done = job(jobId);
    assertThat(done.attempt()).isEqualTo(2);
    assertThat(calls(DigestModel.CLASSIFY, jobId)).as("finished before the kill").isEqualTo(1);
    assertThat(calls(DigestModel.EXTRACT, jobId)).as("in flight at the kill").isEqualTo(2);
    assertThat(calls(DigestModel.SUMMARIZE, jobId)).isEqualTo(1);
    assertThat(steps(jobId))
        .extracting(Checkpoint::name, Checkpoint::attempt)
        .containsExactly(tuple("classify", 1), tuple("extract", 2), tuple("summarize", 2));
    assertThat(stores.jobs().events(jobId, 0, 100))
        .extracting(e -> e.type())
        .containsSubsequence("job.started", "job.retrying", "job.started", "job.succeeded");

    workers.start(holder);
    awaitBothConsuming();
  }

  @Test
  void aFrozenWorkersLateWriteIsRefusedAndTheJobFinishesOnce() {
    EXTRACT_DELAY.set(Duration.ofSeconds(6));
    UUID jobId = submit();
    await("extract is in flight")
        .atMost(Duration.ofMinutes(1))
        .until(() -> calls(DigestModel.EXTRACT, jobId) == 1);
    String holder = job(jobId).leaseOwner();
    ChildJvm frozen = workers.get(holder);

    frozen.pause();
    try {
      awaitStatus(jobId, JobState.SUCCEEDED);
    } finally {
      frozen.resume();
    }
    Job done = job(jobId);
    assertThat(done.leaseOwner()).isNull();
    assertThat(done.attempt()).isEqualTo(2);

    await("the frozen worker woke up and was refused")
        .atMost(Duration.ofMinutes(1))
        .until(() -> frozen.log().contains("is no longer held by attempt 1"));
    assertThat(job(jobId)).as("nothing changed after the late write").isEqualTo(done);
    assertThat(steps(jobId))
        .extracting(Checkpoint::name, Checkpoint::attempt)
        .containsExactly(tuple("classify", 1), tuple("extract", 2), tuple("summarize", 2));
    assertThat(stores.jobs().checkpoints(jobId))
        .as("no checkpoint of attempt 1 after classify")
        .filteredOn(c -> c.attempt() == 1)
        .extracting(Checkpoint::name)
        .containsExactly("classify", "classify/model");
  }

  @Test
  void redeliveredDispatchesRunNothingTwiceAndPoisonGoesToTheDeadLetterTopic() {
    UUID jobId = submit();
    awaitStatus(jobId, JobState.SUCCEEDED);
    OutboxMessage dispatch =
        relay.relayed().stream()
            .filter(m -> m.key().equals(jobId.toString()))
            .findFirst()
            .orElseThrow();
    long before = openAi.callCount();

    for (int i = 0; i < 3; i++) {
      relay.send(dispatch);
    }
    var poison =
        relay.send(
            "jobs.interactive",
            jobId.toString(),
            "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    await("the poison is consumed")
        .atMost(Duration.ofMinutes(1))
        .until(() -> relay.consumed(PREFIX + "workers", poison));
    relay.relayOutbox();

    assertThat(openAi.callCount()).isEqualTo(before);
    assertThat(stores.jobs().events(jobId, 0, 100))
        .filteredOn(e -> e.type().equals("job.started"))
        .hasSize(1);
    assertThat(relay.relayed())
        .filteredOn(m -> m.topic().equals(Topics.DEAD_LETTERS))
        .anySatisfy(
            letter ->
                assertThat(letter.payload().path("reason").asString()).startsWith("unreadable"));
    UUID after = submit();
    awaitStatus(after, JobState.SUCCEEDED);
  }
}
