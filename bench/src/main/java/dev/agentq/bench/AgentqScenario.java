package dev.agentq.bench;

import dev.agentq.testkit.openai.FakeOpenAiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * agentq end to end: {@code document-digest} jobs (three steps, each a model call answered at once)
 * submitted over HTTP by concurrent clients, run by the worker of the same standalone context, each
 * step checkpointed. Throughput is from the first submit to the last job's {@code finished_at}.
 */
final class AgentqScenario {
  /**
   * @param jobs jobs counted
   * @param clients concurrent HTTP clients (virtual threads), each submitting one job at a time
   * @param seconds first submit to the last {@code finished_at}
   * @param endToEndMs per job, {@code created_at} to {@code finished_at}
   * @param queuedMs per job, {@code created_at} to {@code started_at} (claimed by the worker)
   * @param runningMs per job, {@code started_at} to {@code finished_at}
   * @param submitMs per {@code POST /v1/jobs}, as the client saw it
   * @param checkpointed succeeded with all three steps checkpointed
   * @param httpErrors submits not answered 202
   * @param modelErrors model requests answered with an error
   * @param modelCalls requests the fake model received, warm-up included
   * @param retriedModelCalls model calls beyond three per job that ended: retries after an error
   */
  record Result(
      int jobs,
      int warmupJobs,
      int clients,
      double seconds,
      double jobsPerSecond,
      double submitSeconds,
      Percentiles endToEndMs,
      Percentiles queuedMs,
      Percentiles runningMs,
      Percentiles submitMs,
      long succeeded,
      long checkpointed,
      long failed,
      long httpErrors,
      long modelErrors,
      long modelCalls,
      long retriedModelCalls) {
    long errors() {
      return failed + httpErrors + modelErrors + retriedModelCalls;
    }
  }

  private AgentqScenario() {}

  static Result run(String serverUrl, int jobs, int warmup, int clients) throws Exception {
    DigestModel model = new DigestModel(Duration.ZERO);
    try (Database.Schema schema = Database.Schema.create(serverUrl, "agentq");
        FakeOpenAiServer openAi = FakeOpenAiServer.start().recording(false).respondWith(model);
        AgentqApp app = AgentqApp.start(schema, openAi.baseUrl())) {
      ApiClient api = app.client();
      if (warmup > 0) {
        Load warm = submit(api, warmup, clients);
        JobRows.awaitEnded(schema, warm.ids().size(), timeout(warmup));
        Bench.log("agentq: %d warm-up jobs done", warmup);
      }
      Instant start = Instant.now();
      Load load = submit(api, jobs, clients);
      JobRows.Ended ended = JobRows.awaitEnded(schema, warmup + jobs, timeout(jobs));
      if (ended.total() < warmup + jobs) {
        Bench.log("agentq: only %d of %d jobs ended in time", ended.total(), warmup + jobs);
      }
      JobRows.Finished finished = JobRows.finished(schema, load.ids());
      double seconds =
          finished.lastFinished() == null
              ? Double.NaN
              : Duration.between(start, finished.lastFinished()).toNanos() / 1e9;
      Bench.log("agentq: %d jobs in %.2f s, %.0f jobs/s", jobs, seconds, jobs / seconds);
      return new Result(
          jobs,
          warmup,
          clients,
          seconds,
          finished.succeeded() / seconds,
          load.seconds(),
          Percentiles.of(finished.endToEndMs()),
          Percentiles.of(finished.queuedMs()),
          Percentiles.of(finished.runningMs()),
          Percentiles.of(load.millis()),
          finished.succeeded(),
          finished.checkpointed(),
          finished.failed(),
          load.errors(),
          model.unexpected(),
          openAi.callCount(),
          Math.max(0, openAi.callCount() - 3 * ended.total()));
    }
  }

  /**
   * What the clients did.
   *
   * @param ids jobs accepted
   * @param millis each submit's time
   * @param errors submits not answered 202
   * @param seconds first submit to last answer
   */
  record Load(List<UUID> ids, List<Double> millis, long errors, double seconds) {}

  /** {@code jobs} submits spread over {@code clients} virtual threads, as fast as answered. */
  static Load submit(ApiClient api, int jobs, int clients) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    Queue<UUID> ids = new ConcurrentLinkedQueue<>();
    Queue<Double> millis = new ConcurrentLinkedQueue<>();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int c = 0; c < clients; c++) {
        threads.submit(
            () -> {
              while (next.getAndIncrement() < jobs) {
                ApiClient.Submitted submitted = api.submit();
                millis.add(submitted.millis());
                if (submitted.id() == null) {
                  errors.incrementAndGet();
                } else {
                  ids.add(submitted.id());
                }
              }
              return null;
            });
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Load(new ArrayList<>(ids), new ArrayList<>(millis), errors.get(), seconds);
  }

  /** Generous: a tenth of the default rate, and never less than two minutes. */
  static Duration timeout(int jobs) {
    return Duration.ofSeconds(Math.max(120, jobs / 100));
  }
}
