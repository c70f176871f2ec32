package dev.agentq.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.store.Attempted;
import dev.agentq.store.Job;
import dev.agentq.store.NewJob;
import dev.agentq.store.Stores;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A night's batch never starves interactive work: the API and a worker in one Spring context
 * (standalone's wiring) against a real Postgres schema, the in-process KRaft broker and a fake
 * model whose every reply takes {@link #MODEL_DELAY}. 10,000 batch-lane jobs are written straight
 * into the store and its outbox; interactive jobs submitted over HTTP while they run must each
 * start within {@link #START_BOUND}, and the batch must go on meanwhile. The tenant's queue cap is
 * set well under the batch's size: the batch lane's waiting jobs must not fill it.
 */
class LaneFloodIT {
  private static final int FLOOD = 10_000;
  private static final int CHUNK = 500;
  private static final int INTERACTIVE = 8;
  private static final int QUEUE_CAP = 1_000;
  private static final int CAPACITY = 40;
  private static final int BATCH_PERCENT = 50;
  private static final Duration MODEL_DELAY = Duration.ofSeconds(3);
  private static final Duration START_BOUND = Duration.ofSeconds(5);
  private static final String API_KEY = "aq_lane_flood_test_key_0123456789";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static FakeOpenAiServer model;
  private static ConfigurableApplicationContext app;
  private static String baseUrl;

  @BeforeAll
  static void start() {
    DigestReplies replies = new DigestReplies();
    model =
        FakeOpenAiServer.start()
            .respondWith(request -> replies.reply(request).withDelay(MODEL_DELAY));
    List<String> args =
        List.of(
            "--spring.datasource.url=" + TestPostgres.newSchema().jdbcUrl(),
            "--spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
            "--agentq.kafka.topic-prefix=" + TestKafka.newPrefix(),
            "--agentq.model.api-key=sk-flood",
            "--agentq.model.base-url=" + model.baseUrl(),
            "--agentq.model.name=gpt-flood",
            "--agentq.auth.bootstrap-tenant=default",
            "--agentq.auth.bootstrap-key=" + API_KEY,
            "--agentq.limits.max-queued-jobs=" + QUEUE_CAP,
            "--agentq.worker.capacity=" + CAPACITY,
            "--agentq.worker.batch-percent=" + BATCH_PERCENT,
            "--agentq.worker.shutdown-grace=1s",
            "--server.port=0",
            "--logging.level.root=WARN");
    SpringApplication application = new SpringApplication(StandaloneApplication.class);
    application.setRegisterShutdownHook(false);
    app = application.run(args.toArray(String[]::new));
    baseUrl = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
    await("ready")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .until(() -> get("/ready").statusCode() == 200);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (model != null) {
      model.close();
    }
  }

  @Test
  void interactiveJobsStartWithinSecondsWhileTenThousandBatchJobsRun() throws Exception {
    Stores stores = app.getBean(Stores.class);
    JsonNode input = Json.object().put("document", "INVOICE #INV-2041. Total due: $1,500.00.");
    for (int from = 0; from < FLOOD; from += CHUNK) {
      List<NewJob> chunk = new ArrayList<>();
      for (int i = from; i < Math.min(FLOOD, from + CHUNK); i++) {
        chunk.add(
            new NewJob(
                UUID.randomUUID(),
                "default",
                "document-digest",
                Lane.BATCH,
                input,
                null,
                null,
                Map.of(),
                3));
      }
      stores.jobs().submitAll(chunk).forEach(Attempted<Job>::orThrow);
    }
    await("the batch under way")
        .atMost(Duration.ofMinutes(1))
        .until(() -> count("lane = 'batch' AND started_at IS NOT NULL") > 0);

    long batchDoneBefore = count("lane = 'batch' AND status = 'succeeded'");
    Map<UUID, Duration> waited = new LinkedHashMap<>();
    for (int i = 0; i < INTERACTIVE; i++) {
      UUID id = submitInteractive();
      await("interactive job " + id + " started")
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> stores.jobs().find(id).orElseThrow().startedAt() != null);
      Job job = stores.jobs().find(id).orElseThrow();
      waited.put(id, Duration.between(job.createdAt(), job.startedAt()));
      // spread the submissions over the batch's waves of model calls
      await().pollDelay(Duration.ofMillis(1500)).until(() -> true);
    }
    long batchDoneAfter = count("lane = 'batch' AND status = 'succeeded'");
    System.out.printf(
        "LaneFloodIT: interactive created_at to started_at %s; batch jobs succeeded %d -> %d%n",
        waited.values().stream().map(wait -> wait.toMillis() + " ms").toList(),
        batchDoneBefore,
        batchDoneAfter);

    assertThat(waited.values())
        .as("created_at to started_at of each interactive job")
        .allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(START_BOUND));
    assertThat(batchDoneAfter)
        .as("batch jobs that succeeded meanwhile")
        .isGreaterThan(batchDoneBefore);
    assertThat(count("lane = 'batch' AND status = 'running'"))
        .as("batch jobs running at once, at most their share")
        .isLessThanOrEqualTo(CAPACITY * BATCH_PERCENT / 100);
  }

  private static UUID submitInteractive() throws Exception {
    var body = Json.object().put("agent", "document-digest");
    body.set("input", Json.object().put("document", "Receipt #7, total $12.00."));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/v1/jobs"))
                .header("Authorization", "Bearer " + API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return UUID.fromString(Json.parse(response.body()).get("id").asString());
  }

  private static HttpResponse<Void> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private static long count(String where) throws SQLException {
    try (Connection connection = app.getBean(DataSource.class).getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM jobs WHERE " + where)) {
      row.next();
      return row.getLong(1);
    }
  }
}
