package dev.agentq.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReportTest {
  private static final Report.Environment ENVIRONMENT =
      new Report.Environment(
          "2026-11-27T00:00:00Z", "--jobs 500", "25", 2, 6000, 20000, "15.20", "on", "on", true);

  private static final Percentiles SOME = new Percentiles(500, 12.5, 40.0, 41.0);

  private static Report sample() {
    var postgres =
        new PgScenario.Result(
            List.of(
                new PgScenario.Run(8, 10, 30_000, 3000), new PgScenario.Run(32, 10, 66_000, 6600)),
            List.of(
                new PgScenario.Run(8, 10, 13_000, 1300), new PgScenario.Run(32, 10, 23_000, 2300)));
    var jobrunr =
        new JobRunrScenario.Result(
            500, 100, 32, 40, "JacksonJsonMapper", "PT5S", 0.5, 1.0, 1600, 0);
    var agentq =
        new AgentqScenario.Result(
            500, 100, 64, 0.2, 2400, 0.1, SOME, SOME, SOME, SOME, 500, 500, 0, 0, 0, 1800, 0);
    var latency = new LatencyScenario.Result(100, SOME, SOME, SOME, SOME, SOME, 100, 100, 0, 0);
    var inflight =
        new InflightScenario.Result(
            10_000,
            12_000,
            "-Xmx512m",
            2000,
            9_500,
            300,
            350,
            10_100,
            20_000,
            1,
            1,
            30,
            10_000,
            0,
            30_000,
            0,
            0);
    return Report.of(ENVIRONMENT, postgres, jobrunr, agentq, latency, inflight, Map.of());
  }

  @Test
  void eachThroughputStandsNextToItsReference() {
    List<Figure> figures = sample().figures();

    Figure versusJobRunr =
        figures.stream()
            .filter(f -> f.scenario().equals("agentq") && "jobrunr jobs/s".equals(f.reference()))
            .findFirst()
            .orElseThrow();
    assertThat(versusJobRunr.value()).isEqualTo(2400);
    assertThat(versusJobRunr.referenceValue()).isEqualTo(1600);
    assertThat(versusJobRunr.ratio()).isEqualTo(1.5);
    Figure jobrunr =
        figures.stream().filter(f -> f.scenario().equals("jobrunr")).findFirst().orElseThrow();
    assertThat(jobrunr.reference()).isEqualTo("postgres 3 commits/job (32 clients)");
    assertThat(jobrunr.referenceValue()).isEqualTo(2300);
  }

  @Test
  void aScenarioNotRunHasNoRowsAndNoReference() {
    Report report = Report.of(ENVIRONMENT, null, null, sample().agentq(), null, null, Map.of());

    assertThat(report.figures()).allSatisfy(f -> assertThat(f.scenario()).isEqualTo("agentq"));
    assertThat(report.figures()).allSatisfy(f -> assertThat(f.reference()).isNull());
  }

  @Test
  void theTableShowsEveryFigureWithItsReferenceAndTheServerSettings() {
    String table = Table.render(sample());

    assertThat(table).startsWith("Postgres 15.20: fsync=on synchronous_commit=on; 2 cores");
    assertThat(table.lines().filter(line -> line.startsWith("agentq    jobs/s end to end")))
        .anySatisfy(line -> assertThat(line).contains("2,400", "jobrunr jobs/s", "1,600", "1.50x"));
    assertThat(table).contains("inflight  peak jobs in flight, one worker", "9,500", ">= 10,000");
    assertThat(table.lines().count()).isEqualTo(sample().figures().size() + 3);
  }

  @Test
  void aFailedScenarioIsNamedUnderTheTable() {
    Report report = Report.of(ENVIRONMENT, null, null, null, null, null, Map.of("jobrunr", "boom"));

    assertThat(Table.render(report)).endsWith("FAILED jobrunr: boom\n");
  }

  @Test
  void theJsonHoldsTheFiguresAndEachScenarioInFull() {
    JsonNode json = Json.parse(Json.write(sample()));

    assertThat(json.path("environment").path("fsync").asString()).isEqualTo("on");
    assertThat(json.path("figures").size()).isEqualTo(sample().figures().size());
    assertThat(json.path("agentq").path("endToEndMs").path("p99").asDouble()).isEqualTo(40.0);
    assertThat(json.path("inflight").path("peakInflight").asLong()).isEqualTo(9_500);
    assertThat(json.path("postgres").path("threeCommitJobs").size()).isEqualTo(2);
  }

  @Test
  void numbersAreRoundedByTheirSize() {
    assertThat(Table.number(2345.6)).isEqualTo("2,346");
    assertThat(Table.number(53.24)).isEqualTo("53.2");
    assertThat(Table.number(1.234)).isEqualTo("1.23");
    assertThat(Table.number(Double.NaN)).isEqualTo("n/a");
  }

  @Test
  void batchScenariosShowTheUploadHeapAndTheBatchTime() {
    var upload =
        new BatchScenario.UploadResult(
            100_000, 12_000_000, 9.5, 80, 140, 90, 85, 4000, 201, 100_000, 0, 0);
    var batch = new BatchScenario.RunResult(1_000, 0.4, 12.0, 11.5, "completed", 1_000, 0, 0);
    Report report = Report.of(ENVIRONMENT, null, null, null, null, null, upload, batch, Map.of());

    assertThat(report.figures()).extracting(Figure::scenario).containsOnly("upload", "batch");
    assertThat(report.figures())
        .anySatisfy(
            f -> {
              assertThat(f.name()).isEqualTo("heap peak, 100000-line upload");
              assertThat(f.value()).isEqualTo(140);
              assertThat(f.referenceValue()).isEqualTo(80);
            })
        .anySatisfy(
            f -> {
              assertThat(f.name()).isEqualTo("1000-document batch, upload to completed");
              assertThat(f.value()).isEqualTo(12.0);
            });
    assertThat(Table.render(report)).contains("upload", "batch");
  }
}
