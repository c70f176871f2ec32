package dev.agentq.worker.dispatch;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Topics;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.NewJob;
import dev.agentq.store.OutboxMessage;
import dev.agentq.store.Stores;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import dev.agentq.worker.WorkerApplication;
import dev.agentq.worker.config.KafkaSettings;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.KafkaRelay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker as deployed: its real Spring wiring consuming a real Kafka broker, claiming and
 * running jobs in a real Postgres, calling the fake OpenAI server over HTTP. The test plays the
 * API: it stores jobs and relays their outbox messages to Kafka.
 */
@SpringBootTest(classes = WorkerApplication.class)
@DirtiesContext
class KafkaDispatchIT {
  private static final String PREFIX = TestKafka.newPrefix();
  private static final TestDatabase DATABASE = TestPostgres.newSchema();
  private static final FakeOpenAiServer OPEN_AI =
      FakeOpenAiServer.start().respondWith(new DigestModel());

  @DynamicPropertySource
  static void worker(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE::jdbcUrl);
    registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
    registry.add("agentq.kafka.topic-prefix", () -> PREFIX);
    registry.add("agentq.kafka.partitions", () -> 3);
    registry.add("agentq.model.api-key", () -> "test-key");
    registry.add("agentq.model.base-url", OPEN_AI::baseUrl);
    registry.add("agentq.model.name", () -> DigestModel.MODEL);
    registry.add("agentq.model.max-retries", () -> 0);
  }

  @Autowired private Stores stores;
  @Autowired private KafkaSettings kafka;
  private KafkaRelay relay;

  @BeforeEach
  void setUp() {
    relay = new KafkaRelay(TestKafka.bootstrapServers(), new Topics(PREFIX), stores.outbox());
  }

  @AfterEach
  void tearDown() {
    relay.close();
  }

  @AfterAll
  static void stopModel() {
    OPEN_AI.close();
  }

  private static ConditionFactory eventually() {
    return await().atMost(Duration.ofSeconds(60));
  }

  private Job job(UUID id) {
    return stores.jobs().find(id).orElseThrow();
  }

  private void awaitEnd(UUID id) {
    eventually().until(() -> job(id).status().isFinal());
  }

  /** Model calls made for the job: its document names its id. */
  private static long modelCalls(UUID id) {
    return OPEN_AI.requests().stream()
        .filter(request -> request.lastUserMessage().contains(id.toString()))
        .count();
  }

  private long events(UUID id, String type) {
    return stores.jobs().events(id, 0, 1000).stream().filter(e -> e.type().equals(type)).count();
  }

  /** Submits the job and relays its dispatch message, as the API would; returns that message. */
  private OutboxMessage submitAndDispatch(NewJob newJob) {
    stores.jobs().submit(newJob);
    return relay.relayOutbox().stream()
        .filter(message -> message.key().equals(newJob.id().toString()))
        .filter(message -> message.topic().equals(newJob.lane().topic()))
        .reduce(
            (one, other) -> {
              throw new AssertionError("two dispatch messages for job " + newJob.id());
            })
        .orElseThrow();
  }

  @Test
  void aDispatchedJobIsClaimedAndRunToSuccess() {
    NewJob newJob = aDigestJob().build();
    OutboxMessage dispatch = submitAndDispatch(newJob);

    assertThat(dispatch.topic()).isEqualTo(Lane.INTERACTIVE.topic());
    assertThat(dispatch.payload().has("input")).as("never the payload").isFalse();
    awaitEnd(newJob.id());

    Job done = job(newJob.id());
    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.attempt()).isEqualTo(1);
    assertThat(done.model()).isEqualTo(DigestModel.MODEL);
    assertThat(done.leaseOwner()).isNull();
    String outputSchema = AgentCatalog.find("document-digest").orElseThrow().outputSchema();
    assertThat(JsonSchemas.get().violations(outputSchema, done.output())).isEmpty();
    assertThat(stores.jobs().checkpoints(done.id()))
        .extracting(Checkpoint::name)
        .containsExactly(
            "classify",
            "classify/model",
            "extract",
            "extract/model",
            "summarize",
            "summarize/model");
    assertThat(modelCalls(done.id())).isEqualTo(3);
  }

  @Test
  void theSameDispatchMessageDeliveredAgainRunsNothingAgain() {
    NewJob newJob = aDigestJob().build();
    OutboxMessage dispatch = submitAndDispatch(newJob);
    awaitEnd(newJob.id());
    Job done = job(newJob.id());
    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);

    RecordMetadata last = null;
    for (int i = 0; i < 3; i++) {
      last = relay.send(dispatch);
    }
    RecordMetadata lastDuplicate = last;
    eventually().until(() -> relay.consumed(kafka.group(), lastDuplicate));

    assertThat(modelCalls(done.id())).isEqualTo(3);
    assertThat(events(done.id(), JobEvent.STARTED)).isEqualTo(1);
    assertThat(job(done.id())).isEqualTo(done);
  }

  @Test
  void poisonMessagesAreDeadLetteredWithoutBlockingTheirPartition() {
    NewJob newJob = aDigestJob().build();
    String key = newJob.id().toString();
    String lane = Lane.INTERACTIVE.topic();
    byte[] corrupt = "{\"v\":1,\"job_id\":".getBytes(StandardCharsets.UTF_8);
    UUID unknown = UUID.randomUUID();
    byte[] forUnknownJob =
        DispatchMessage.of(unknown, "acme", "document-digest", Lane.INTERACTIVE).encode();

    // Same key, so same partition as the valid job's own message, which comes after them.
    RecordMetadata first = relay.send(lane, key, corrupt);
    RecordMetadata second = relay.send(lane, key, forUnknownJob);
    RecordMetadata third = relay.send(lane, key, null);
    submitAndDispatch(newJob);

    awaitEnd(newJob.id());
    assertThat(job(newJob.id()).status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(List.of(second.partition(), third.partition())).containsOnly(first.partition());

    eventually()
        .untilAsserted(
            () -> {
              relay.relayOutbox();
              assertThat(deadLetters(key)).hasSize(3);
            });
    List<OutboxMessage> letters = deadLetters(key);
    assertThat(letters)
        .anySatisfy(
            letter -> {
              assertThat(letter.payload().get("reason").asString())
                  .startsWith("unreadable dispatch message");
              assertThat(letter.payload().get("origin").asString())
                  .isEqualTo(first.topic() + "-" + first.partition() + "@" + first.offset());
              assertThat(
                      Base64.getDecoder().decode(letter.payload().get("value_base64").asString()))
                  .isEqualTo(corrupt);
            })
        .anySatisfy(
            letter -> {
              assertThat(letter.payload().get("reason").asString())
                  .isEqualTo("unreadable dispatch message: empty");
              assertThat(letter.payload().get("value_base64").isNull()).isTrue();
            })
        .anySatisfy(
            letter ->
                assertThat(letter.payload().get("reason").asString())
                    .isEqualTo("no job has id " + unknown));
    assertThat(stores.jobs().existing(List.of(unknown))).isEmpty();
  }

  private List<OutboxMessage> deadLetters(String key) {
    return relay.relayed().stream()
        .filter(message -> message.topic().equals(Topics.DEAD_LETTERS))
        .filter(message -> message.key().equals(key))
        .toList();
  }
}
