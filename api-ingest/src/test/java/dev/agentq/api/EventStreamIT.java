package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.api.support.SseClient;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.store.Job;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code GET /v1/jobs/{id}/events}: live, resumable, ended by the final event. */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "agentq.http.event-heartbeat=200ms")
@DirtiesContext
class EventStreamIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final FakeWorker WORKER = new FakeWorker(DB);

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, TestKafka.newPrefix());
  }

  @AfterAll
  static void stopWorker() {
    WORKER.close();
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  private String submit() {
    return api.postJson("/v1/jobs", Requests.digest("streamed"), "X-Request-Id", "sse-req-1")
        .conforming(202, "job-accepted")
        .path("id")
        .asString();
  }

  @Test
  void eventsArriveLiveAsTheWorkerWritesThemAndTheStreamEndsAfterTheLast() {
    String id = submit();
    try (SseClient stream = SseClient.open(api, "/v1/jobs/" + id + "/events", null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.header("Content-Type")).startsWith("text/event-stream");

      SseClient.Event queued = stream.next();
      assertThat(queued.name()).isEqualTo("job.queued");
      assertThat(queued.data().at("/data/request_id").asString()).isEqualTo("sse-req-1");
      assertThat(queued.id()).isEqualTo(queued.data().path("id").asString());

      Job job = WORKER.claim(id);
      assertThat(stream.next().name()).isEqualTo("job.started");
      WORKER.step(job, 0, "classify", 1, 1);
      SseClient.Event step = stream.next();
      assertThat(step.name()).isEqualTo("step.completed");
      assertThat(step.data().at("/data/name").asString()).isEqualTo("classify");
      WORKER.succeed(job);

      List<SseClient.Event> rest = stream.untilEnd();
      assertThat(rest).extracting(SseClient.Event::name).containsExactly("job.succeeded");
      for (SseClient.Event event : List.of(queued, step, rest.getFirst())) {
        assertThat(JsonSchemas.get().violations("job-event", event.data())).isEmpty();
      }
    }
  }

  @Test
  void aDroppedStreamResumesAfterTheLastEventIdWithNothingLostOrRepeated() {
    String id = submit();
    Job job = WORKER.claim(id);
    String lastSeen;
    try (SseClient first = SseClient.open(api, "/v1/jobs/" + id + "/events", null)) {
      assertThat(first.next().name()).isEqualTo("job.queued");
      lastSeen = first.next().id();
    }
    // written while no one was listening
    WORKER.step(job, 0, "classify", 1, 1);
    WORKER.step(job, 1, "extract", 1, 1);

    try (SseClient resumed = SseClient.open(api, "/v1/jobs/" + id + "/events", lastSeen)) {
      assertThat(resumed.next().name()).isEqualTo("step.completed");
      assertThat(resumed.next().data().at("/data/name").asString()).isEqualTo("extract");
      WORKER.fail(job, "summarize");
      assertThat(resumed.untilEnd())
          .extracting(SseClient.Event::name)
          .containsExactly("job.failed");
    }
  }

  @Test
  void anEndedStreamAskedAgainAnswers204SoThatClientsStopReconnecting() {
    String id = submit();
    Job job = WORKER.claim(id);
    WORKER.succeed(job);
    String last;
    try (SseClient stream = SseClient.open(api, "/v1/jobs/" + id + "/events", null)) {
      List<SseClient.Event> all = stream.untilEnd();
      assertThat(all)
          .extracting(SseClient.Event::name)
          .containsExactly("job.queued", "job.started", "job.succeeded");
      last = all.getLast().id();
    }
    try (SseClient again = SseClient.open(api, "/v1/jobs/" + id + "/events", last)) {
      assertThat(again.status()).isEqualTo(204);
    }
  }

  @Test
  void anIdleStreamSendsHeartbeats() {
    String id = submit();
    try (SseClient stream = SseClient.open(api, "/v1/jobs/" + id + "/events", null)) {
      stream.next();
      assertThat(stream.nextComment()).isEqualTo("heartbeat");
      assertThat(stream.nextComment()).isEqualTo("heartbeat");
    }
  }

  @Test
  void aBadLastEventIdIsABadHeader() {
    String id = submit();
    try (SseClient stream = SseClient.open(api, "/v1/jobs/" + id + "/events", "-5")) {
      assertThat(stream.status()).isEqualTo(400);
    }
    api.send(api.request("/v1/jobs/" + id + "/events").header("Last-Event-ID", "abc").GET())
        .problem(400, "invalid_header");
  }
}
