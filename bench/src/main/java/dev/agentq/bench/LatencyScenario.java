package dev.agentq.bench;

import dev.agentq.testkit.openai.FakeOpenAiServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * agentq at low load: one {@code document-digest} job at a time, the next submitted once the last
 * has ended, through the same standalone context as the throughput run. For the target "a minimal
 * 3-step job p50 &lt; 50 ms end to end".
 */
final class LatencyScenario {
  private static final int WARMUP = 50;
  private static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);

  /**
   * @param endToEndMs per job, {@code created_at} to {@code finished_at} as stored
   * @param queuedMs per job, {@code created_at} to {@code started_at} (claimed by the worker)
   * @param runningMs per job, {@code started_at} to {@code finished_at}
   * @param observedMs per job, from sending the submit to the client seeing it ended in Postgres
   *     (polled every millisecond or so)
   * @param submitMs per {@code POST /v1/jobs}
   */
  record Result(
      int jobs,
      Percentiles endToEndMs,
      Percentiles queuedMs,
      Percentiles runningMs,
      Percentiles observedMs,
      Percentiles submitMs,
      long succeeded,
      long checkpointed,
      long failed,
      long httpErrors) {}

  private LatencyScenario() {}

  static Result run(String serverUrl, int jobs) throws Exception {
    DigestModel model = new DigestModel(Duration.ZERO);
    try (Database.Schema schema = Database.Schema.create(serverUrl, "latency");
        FakeOpenAiServer openAi = FakeOpenAiServer.start().recording(false).respondWith(model);
        AgentqApp app = AgentqApp.start(schema, openAi.baseUrl());
        Connection connection = schema.connect();
        PreparedStatement ended =
            connection.prepareStatement("SELECT finished_at IS NOT NULL FROM jobs WHERE id = ?")) {
      ApiClient api = app.client();
      for (int i = 0; i < WARMUP; i++) {
        one(api, ended);
      }
      Bench.log("latency: %d warm-up jobs done", WARMUP);
      List<UUID> ids = new ArrayList<>();
      List<Double> observed = new ArrayList<>();
      List<Double> submits = new ArrayList<>();
      long httpErrors = 0;
      for (int i = 0; i < jobs; i++) {
        long start = System.nanoTime();
        ApiClient.Submitted submitted = api.submit();
        submits.add(submitted.millis());
        if (submitted.id() == null) {
          httpErrors++;
          continue;
        }
        awaitEnd(ended, submitted.id());
        observed.add((System.nanoTime() - start) / 1e6);
        ids.add(submitted.id());
      }
      JobRows.Finished finished = JobRows.finished(schema, ids);
      Percentiles endToEnd = Percentiles.of(finished.endToEndMs());
      Bench.log("latency: p50 %.1f ms, p99 %.1f ms end to end", endToEnd.p50(), endToEnd.p99());
      return new Result(
          jobs,
          endToEnd,
          Percentiles.of(finished.queuedMs()),
          Percentiles.of(finished.runningMs()),
          Percentiles.of(observed),
          Percentiles.of(submits),
          finished.succeeded(),
          finished.checkpointed(),
          finished.failed(),
          httpErrors);
    }
  }

  private static void one(ApiClient api, PreparedStatement ended)
      throws SQLException, InterruptedException {
    ApiClient.Submitted submitted = api.submit();
    if (submitted.id() != null) {
      awaitEnd(ended, submitted.id());
    }
  }

  private static void awaitEnd(PreparedStatement ended, UUID id)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    ended.setObject(1, id);
    while (System.nanoTime() < deadline) {
      try (ResultSet row = ended.executeQuery()) {
        if (row.next() && row.getBoolean(1)) {
          return;
        }
      }
      Thread.sleep(1);
    }
    throw new IllegalStateException("job " + id + " did not end within " + JOB_TIMEOUT);
  }
}
