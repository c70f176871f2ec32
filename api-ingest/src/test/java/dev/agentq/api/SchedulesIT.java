package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.batch.BatchIntake;
import dev.agentq.api.batch.BatchOptions;
import dev.agentq.api.schedule.Scheduler;
import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Tenants;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.time.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /v1/schedules} over HTTP, with the app's clock under the test's control and its scheduler
 * driven by the test: make, list, read with runs, pause, resume, delete; bad cron, zone, template
 * and directory; another tenant's schedule is not found.
 */
@SpringBootTest(
    classes = {ApiApplication.class, SchedulesIT.Time.class},
    webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SchedulesIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-01-10T00:00:30Z"));
  private static final Path DOCUMENTS = temporaryDirectory();
  private static final String SCHEDULES = "/v1/schedules";
  private static final String NIGHTLY_JOB =
      "{\"name\":\"nightly\",\"cron\":\"0 2 * * *\",\"time_zone\":\"Europe/Berlin\","
          + "\"job\":{\"agent\":\"document-digest\",\"input\":{\"document\":\"report\"},"
          + "\"metadata\":{\"team\":\"ops\"}}}";

  @TestConfiguration
  static class Time {
    @Bean
    Clock clock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, TestKafka.newPrefix());
    registry.add("agentq.schedules.enabled", () -> "false");
    registry.add("agentq.documents.directory", DOCUMENTS::toString);
  }

  private static Path temporaryDirectory() {
    try {
      Path root = Files.createTempDirectory("agentq-schedules");
      Files.createDirectories(root.resolve("incoming"));
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired Scheduler scheduler;
  @Autowired BatchIntake intake;
  private String acmeId;
  private ApiClient acme;
  private ApiClient globex;

  @BeforeEach
  void tenants() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    acmeId = "acme-" + suffix;
    acme = Tenants.create(new ApiClient(port), acmeId, null);
    globex = Tenants.create(new ApiClient(port), "globex-" + suffix, null);
  }

  private JsonNode create(ApiClient client, String body) {
    ApiResponse response = client.postJson(SCHEDULES, body);
    JsonNode schedule = response.conforming(201, "schedule");
    assertThat(response.header("Location"))
        .isEqualTo(SCHEDULES + "/" + schedule.path("id").asString());
    return schedule;
  }

  private static ApiResponse post(ApiClient client, String path) {
    return client.send("POST", path, null, BodyPublishers.noBody());
  }

  @Test
  void aJobScheduleRunsAtItsTicksAndShowsTheJobsItMade() {
    JsonNode made = create(acme, NIGHTLY_JOB);
    String id = made.path("id").asString();
    assertThat(made.path("status").asString()).isEqualTo("active");
    assertThat(made.path("cron").asString()).isEqualTo("0 2 * * *");
    assertThat(made.path("time_zone").asString()).isEqualTo("Europe/Berlin");
    assertThat(made.at("/job/agent").asString()).isEqualTo("document-digest");
    assertThat(made.has("batch")).isFalse();
    Instant first = Instant.parse(made.path("next_run_at").asString());
    assertThat(first).isAfter(CLOCK.instant());
    assertThat(first.atZone(java.time.ZoneId.of("Europe/Berlin")).getHour()).isEqualTo(2);

    CLOCK.set(first.plusSeconds(1));
    assertThat(scheduler.runDue()).isGreaterThanOrEqualTo(1);

    JsonNode read = acme.get(SCHEDULES + "/" + id).conforming(200, "schedule");
    assertThat(read.path("runs")).hasSize(1);
    JsonNode run = read.path("runs").get(0);
    assertThat(Instant.parse(run.path("scheduled_for").asString())).isEqualTo(first);
    assertThat(run.path("outcome").asString()).isEqualTo("created");
    assertThat(run.path("catch_up").asBoolean()).isFalse();
    assertThat(Instant.parse(read.path("next_run_at").asString()))
        .isEqualTo(first.plus(Duration.ofDays(1)));
    assertThat(Instant.parse(read.path("last_run_at").asString())).isEqualTo(CLOCK.instant());
    JsonNode job = acme.get("/v1/jobs/" + run.path("job_id").asString()).conforming(200, "job");
    assertThat(job.path("agent").asString()).isEqualTo("document-digest");
    assertThat(job.at("/metadata/team").asString()).isEqualTo("ops");
    assertThat(job.at("/metadata/agentq.schedule_id").asString()).isEqualTo(id);
  }

  @Test
  void aPausedScheduleMakesNoRunUntilResumedAndADeletedOneIsGone() {
    String id = create(acme, NIGHTLY_JOB).path("id").asString();

    JsonNode paused = post(acme, SCHEDULES + "/" + id + "/pause").conforming(200, "schedule");
    assertThat(paused.path("status").asString()).isEqualTo("paused");
    assertThat(paused.path("next_run_at").isNull()).isTrue();
    CLOCK.advance(Duration.ofDays(3));
    scheduler.runDue();
    assertThat(acme.get(SCHEDULES + "/" + id).conforming(200, "schedule").path("runs")).isEmpty();

    JsonNode resumed = post(acme, SCHEDULES + "/" + id + "/resume").conforming(200, "schedule");
    assertThat(resumed.path("status").asString()).isEqualTo("active");
    assertThat(Instant.parse(resumed.path("next_run_at").asString())).isAfter(CLOCK.instant());
    scheduler.runDue();
    assertThat(acme.get(SCHEDULES + "/" + id).conforming(200, "schedule").path("runs")).isEmpty();

    assertThat(acme.send("DELETE", SCHEDULES + "/" + id, null, BodyPublishers.noBody()).status())
        .isEqualTo(204);
    acme.get(SCHEDULES + "/" + id).problem(404, "schedule_not_found");
    acme.send("DELETE", SCHEDULES + "/" + id, null, BodyPublishers.noBody())
        .problem(404, "schedule_not_found");
  }

  @Test
  void theListIsNewestFirstAPageAtATime() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(create(acme, NIGHTLY_JOB).path("id").asString());
      CLOCK.advance(Duration.ofMillis(5));
    }
    JsonNode page = acme.get(SCHEDULES + "?limit=2").conforming(200, "schedule-list");
    assertThat(page.path("data")).hasSize(2);
    assertThat(page.path("has_more").asBoolean()).isTrue();
    assertThat(page.at("/data/0/id").asString()).isEqualTo(ids.get(2));
    assertThat(page.at("/data/1/id").asString()).isEqualTo(ids.get(1));
    assertThat(page.at("/data/0").has("runs")).isFalse();
    JsonNode rest =
        acme.get(SCHEDULES + "?limit=2&cursor=" + page.path("next_cursor").asString())
            .conforming(200, "schedule-list");
    assertThat(rest.path("data")).hasSize(1);
    assertThat(rest.at("/data/0/id").asString()).isEqualTo(ids.get(0));
    assertThat(rest.path("has_more").asBoolean()).isFalse();
    assertThat(rest.path("next_cursor").isNull()).isTrue();

    acme.get(SCHEDULES + "?limit=0").problem(400, "invalid_query");
    acme.get(SCHEDULES + "?cursor=nope").problem(400, "invalid_query");
    acme.get(SCHEDULES + "?colour=red").problem(400, "invalid_query");
  }

  @Test
  void anotherTenantsScheduleIsNotFound() {
    String id = create(acme, NIGHTLY_JOB).path("id").asString();

    globex.get(SCHEDULES + "/" + id).problem(404, "schedule_not_found");
    post(globex, SCHEDULES + "/" + id + "/pause").problem(404, "schedule_not_found");
    post(globex, SCHEDULES + "/" + id + "/resume").problem(404, "schedule_not_found");
    globex
        .send("DELETE", SCHEDULES + "/" + id, null, BodyPublishers.noBody())
        .problem(404, "schedule_not_found");
    assertThat(globex.get(SCHEDULES).conforming(200, "schedule-list").path("data")).isEmpty();
    assertThat(acme.get(SCHEDULES + "/" + id).conforming(200, "schedule").path("status").asString())
        .isEqualTo("active");
    acme.get(SCHEDULES + "/not-a-uuid").problem(404, "schedule_not_found");
  }

  @Test
  void aBadCronOrZoneIsRefusedWithItsCode() {
    JsonNode cron =
        acme.postJson(SCHEDULES, NIGHTLY_JOB.replace("0 2 * * *", "0 25 * * *"))
            .problem(400, "invalid_cron");
    assertThat(cron.at("/errors/0/pointer").asString()).isEqualTo("/cron");
    acme.postJson(SCHEDULES, NIGHTLY_JOB.replace("0 2 * * *", "0 2 * *"))
        .problem(400, "invalid_cron");
    acme.postJson(SCHEDULES, NIGHTLY_JOB.replace("0 2 * * *", "0 0 30 2 *"))
        .problem(400, "invalid_cron");
    acme.postJson(SCHEDULES, NIGHTLY_JOB.replace("Europe/Berlin", "Mars/Olympus"))
        .problem(400, "unknown_time_zone");
    acme.postJson(SCHEDULES, NIGHTLY_JOB.replace("Europe/Berlin", "+02:00"))
        .problem(400, "unknown_time_zone");
  }

  @Test
  void aJobTemplateIsCheckedAsPostJobsChecksAJob() {
    JsonNode agent =
        acme.postJson(SCHEDULES, NIGHTLY_JOB.replace("document-digest", "no-such-agent"))
            .problem(400, "unknown_agent");
    assertThat(agent.at("/errors/0/pointer").asString()).isEqualTo("/job/agent");
    JsonNode input =
        acme.postJson(SCHEDULES, NIGHTLY_JOB.replace("\"document\":\"report\"", "\"pages\":3"))
            .problem(400, "invalid_input");
    assertThat(input.at("/errors/0/pointer").asString()).startsWith("/job/input");
    acme.postJson(
            SCHEDULES,
            NIGHTLY_JOB.replace(
                "\"metadata\"", "\"webhook_url\":\"http://10.0.0.7/h\",\"metadata\""))
        .problem(422, "webhook_url_forbidden");
    acme.postJson(SCHEDULES, "{\"cron\":\"0 2 * * *\",\"time_zone\":\"UTC\"}")
        .problem(400, "invalid_request");
    acme.postJson(
            SCHEDULES,
            NIGHTLY_JOB.replace(
                "}}}", "}},\"batch\":{\"agent\":\"document-digest\",\"directory\":\"incoming\"}}"))
        .problem(400, "invalid_request");
    assertThat(acme.get(SCHEDULES).conforming(200, "schedule-list").path("data")).isEmpty();
  }

  private static String batch(String directory) {
    return "{\"cron\":\"*/5 * * * *\",\"time_zone\":\"UTC\",\"batch\":{\"agent\":\"document-digest\","
        + "\"directory\":\""
        + directory
        + "\",\"pattern\":\"*.pdf\",\"only_new\":true}}";
  }

  @Test
  void aBatchDirectoryMustLieInsideTheDocumentsDirectory() throws IOException {
    Path outside = Files.createTempDirectory("agentq-outside");
    Files.createSymbolicLink(DOCUMENTS.resolve("escape"), outside);

    acme.postJson(SCHEDULES, batch("../")).problem(422, "directory_not_allowed");
    acme.postJson(SCHEDULES, batch("incoming/../../etc")).problem(422, "directory_not_allowed");
    acme.postJson(SCHEDULES, batch("/etc")).problem(422, "directory_not_allowed");
    JsonNode escape =
        acme.postJson(SCHEDULES, batch("escape")).problem(422, "directory_not_allowed");
    assertThat(escape.at("/errors/0/pointer").asString()).isEqualTo("/batch/directory");
    acme.postJson(SCHEDULES, batch("missing/")).problem(422, "directory_not_found");

    JsonNode made = create(acme, batch("incoming/"));
    assertThat(made.at("/batch/directory").asString()).isEqualTo("incoming/");
    assertThat(made.at("/batch/only_new").asBoolean()).isTrue();
    assertThat(made.has("job")).isFalse();
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private List<String> customIds(String batchId) {
    List<String> ids = new ArrayList<>();
    try (var connection = DB.connect();
        var statement =
            connection.prepareStatement(
                "SELECT custom_id, input->>'file' AS file, lane FROM jobs WHERE batch_id = ?"
                    + " ORDER BY custom_id")) {
      statement.setObject(1, UUID.fromString(batchId));
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          assertThat(rows.getString("file")).isEqualTo(rows.getString("custom_id"));
          assertThat(rows.getString("lane")).isEqualTo("batch");
          ids.add(rows.getString("custom_id"));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return ids;
  }

  private JsonNode tick(String id) {
    JsonNode before = acme.get(SCHEDULES + "/" + id).conforming(200, "schedule");
    CLOCK.set(Instant.parse(before.path("next_run_at").asString()).plusSeconds(1));
    scheduler.runDue();
    return acme.get(SCHEDULES + "/" + id).conforming(200, "schedule").path("runs").get(0);
  }

  @Test
  void aBatchSchedulePicksUpOnlyNewFilesOnTheNextTick() throws IOException {
    String dir = "nightly-" + UUID.randomUUID().toString().substring(0, 8);
    Path root = DOCUMENTS.resolve(dir);
    write(root.resolve("a.pdf"), "%PDF-1.4 a");
    write(root.resolve("b.pdf"), "%PDF-1.4 b");
    write(root.resolve("notes.txt"), "not a pdf");
    write(root.resolve("2026/c.pdf"), "%PDF-1.4 c");
    String id = create(acme, batch(dir + "/")).path("id").asString();

    JsonNode first = tick(id);
    assertThat(first.path("outcome").asString()).isEqualTo("created");
    assertThat(first.path("job_id").isNull()).isTrue();
    assertThat(customIds(first.path("batch_id").asString()))
        .containsExactly(dir + "/2026/c.pdf", dir + "/a.pdf", dir + "/b.pdf");

    write(root.resolve("d.pdf"), "%PDF-1.4 d");
    write(root.resolve("a.pdf"), "%PDF-1.4 a, changed and longer");
    JsonNode second = tick(id);
    assertThat(second.path("outcome").asString()).isEqualTo("created");
    assertThat(second.path("batch_id").asString()).isNotEqualTo(first.path("batch_id").asString());
    assertThat(customIds(second.path("batch_id").asString()))
        .containsExactly(dir + "/a.pdf", dir + "/d.pdf");

    JsonNode third = tick(id);
    assertThat(third.path("outcome").asString()).isEqualTo("skipped");
    assertThat(third.path("batch_id").isNull()).isTrue();
    assertThat(third.path("detail").asString()).contains("no new files");
  }

  @Test
  void aBatchMadeForATickByAnInstanceThatDiedBeforeItsScheduleCommitIsThatTicksRun()
      throws IOException {
    String dir = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    Path root = DOCUMENTS.resolve(dir);
    write(root.resolve("a.pdf"), "%PDF-1.4 a");
    JsonNode schedule = create(acme, batch(dir + "/"));
    String id = schedule.path("id").asString();
    // What an instance leaves when it dies between making the tick's batch and moving the
    // schedule on: the batch, tagged with the schedule and the tick, and the tick still due.
    String tick = Instant.parse(schedule.path("next_run_at").asString()).toString();
    String line =
        "{\"custom_id\":\""
            + dir
            + "/a.pdf\",\"agent\":\"document-digest\","
            + "\"input\":{\"file\":\""
            + dir
            + "/a.pdf\"}}\n";
    UUID made =
        intake
            .submit(
                acmeId,
                new java.io.StringReader(line),
                new BatchOptions(
                    false, null, Map.of("agentq.schedule_id", id, "agentq.schedule_tick", tick)))
            .id();
    write(root.resolve("b.pdf"), "%PDF-1.4 b"); // arrived after that batch was made

    JsonNode run = tick(id);
    assertThat(run.path("outcome").asString()).isEqualTo("created");
    assertThat(run.path("batch_id").asString()).isEqualTo(made.toString());
    assertThat(acme.get("/v1/batches").conforming(200, "batch-list").path("data")).hasSize(1);

    JsonNode next = tick(id);
    assertThat(customIds(next.path("batch_id").asString())).containsExactly(dir + "/b.pdf");
  }
}
