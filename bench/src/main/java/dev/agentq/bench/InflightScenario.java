package dev.agentq.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Topics;
import dev.agentq.store.Attempted;
import dev.agentq.store.Job;
import dev.agentq.store.NewJob;
import dev.agentq.store.StoreMigrations;
import dev.agentq.store.Stores;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import dev.agentq.testkit.process.ChildJvm;
import dev.agentq.testkit.process.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import tools.jackson.databind.JsonNode;

/**
 * Concurrency: ONE worker JVM ({@code -Xmx1024m}, capacity 12,000) started from the worker's jar, a
 * fake model whose every reply takes {@code modelDelay}, and {@code jobs} jobs written straight
 * into the store and relayed to Kafka at once. Its {@code /actuator/prometheus} is read every
 * quarter second for the jobs it holds and its heap.
 */
final class InflightScenario {
  static final int CAPACITY = 12_000;

  /** The worker's heap: what a 2 GiB worker pod of the chart gives, with room to spare. */
  static final int HEAP_MB = 1024;

  static final String HEAP = "-Xmx" + HEAP_MB + "m";
  private static final int CHUNK = 500;
  private static final Duration STARTUP = Duration.ofSeconds(120);

  /**
   * @param peakInflight the most jobs the worker reported running at once
   * @param heapAtPeakMb heap used at the sample of that peak
   * @param maxHeapUsedMb the most heap used at any sample
   * @param peakOpenFiles the most file descriptors the worker held at once
   * @param openFilesLimit the worker's soft limit of open files
   * @param submitSeconds writing all jobs into the store
   * @param relaySeconds publishing their dispatch messages
   * @param seconds first submit to the last job ended
   * @param modelCalls requests the fake model received (three per job when nothing is retried)
   * @param modelErrors requests the fake model answered with an error
   * @param errors failed jobs, model errors and model calls beyond three per job
   */
  record Result(
      int jobs,
      int capacity,
      String heapLimit,
      long modelDelayMs,
      long peakInflight,
      double heapAtPeakMb,
      double maxHeapUsedMb,
      long peakOpenFiles,
      long openFilesLimit,
      double submitSeconds,
      double relaySeconds,
      double seconds,
      long succeeded,
      long failed,
      long modelCalls,
      long modelErrors,
      long errors) {}

  private InflightScenario() {}

  static Result run(String serverUrl, int jobs, Duration modelDelay, Path workerJar)
      throws Exception {
    Path jar = workerJar != null ? workerJar : findWorkerJar();
    DigestModel model = new DigestModel(modelDelay);
    String prefix = "bench." + TestKafka.newPrefix();
    Topics topics = new Topics(prefix);
    int port = FreePort.pick();
    Path log = Files.createTempFile("agentq-bench-worker-", ".log");
    try (Database.Schema schema = Database.Schema.create(serverUrl, "inflight");
        HikariDataSource pool = schema.pool(4);
        FakeOpenAiServer openAi = FakeOpenAiServer.start().recording(false).respondWith(model)) {
      StoreMigrations.migrate(pool);
      Map<String, String> env =
          Map.ofEntries(
              Map.entry("AGENTQ_JDBC_URL", schema.url()),
              Map.entry("AGENTQ_KAFKA_BOOTSTRAP", TestKafka.bootstrapServers()),
              Map.entry("AGENTQ_KAFKA_TOPICPREFIX", prefix),
              Map.entry("OPENAI_API_KEY", "sk-bench"),
              Map.entry("OPENAI_BASE_URL", openAi.baseUrl()),
              Map.entry("AGENTQ_MODEL", "gpt-4o-mini"),
              Map.entry("AGENTQ_WORKER_CAPACITY", Integer.toString(CAPACITY)),
              Map.entry("AGENTQ_WORKER_ID", "bench-worker"),
              Map.entry("SERVER_PORT", Integer.toString(port)));
      Bench.log("inflight: starting a worker from %s (log in %s)", jar, log);
      try (ChildJvm worker = ChildJvm.startJar(jar, List.of(HEAP), env, log);
          Stores stores = Stores.postgres(pool, Clock.systemUTC())) {
        awaitReady(worker, port, topics);
        WorkerProbe probe = new WorkerProbe(worker, port);
        long start = System.nanoTime();
        submit(stores, jobs);
        double submitted = (System.nanoTime() - start) / 1e9;
        Bench.log("inflight: %d jobs stored in %.1f s", jobs, submitted);
        long relayStart = System.nanoTime();
        OutboxPublisher.drain(stores.outbox(), topics, TestKafka.bootstrapServers());
        double relayed = (System.nanoTime() - relayStart) / 1e9;
        Bench.log("inflight: dispatched in %.1f s", relayed);
        JobRows.Ended ended =
            JobRows.awaitEnded(
                schema, jobs, Duration.ofMinutes(3).plus(modelDelay.multipliedBy(6)));
        double seconds = (System.nanoTime() - start) / 1e9;
        probe.stop();
        long extraCalls = Math.max(0, openAi.callCount() - 3L * ended.succeeded());
        Bench.log(
            "inflight: peak %d jobs in flight, heap %.0f MB at that peak; %d of %d ended in %.1f s",
            probe.peak().inflight(),
            probe.peak().heapUsedBytes() / 1e6,
            ended.total(),
            jobs,
            seconds);
        return new Result(
            jobs,
            CAPACITY,
            HEAP,
            modelDelay.toMillis(),
            probe.peak().inflight(),
            probe.peak().heapUsedBytes() / 1e6,
            probe.maxHeapBytes() / 1e6,
            probe.maxOpenFiles(),
            WorkerProbe.openFilesLimit(worker.pid()),
            submitted,
            relayed,
            seconds,
            ended.succeeded(),
            ended.failed() + (jobs - ended.total()),
            openAi.callCount(),
            model.unexpected(),
            ended.failed() + (jobs - ended.total()) + model.unexpected() + extraCalls);
      }
    }
  }

  /** Jobs straight into the store, {@value #CHUNK} per transaction, as the API's group commit. */
  private static void submit(Stores stores, int jobs) {
    JsonNode input = Json.object().put("document", DigestModel.DOCUMENT);
    for (int from = 0; from < jobs; from += CHUNK) {
      List<NewJob> chunk = new ArrayList<>();
      for (int i = from; i < Math.min(jobs, from + CHUNK); i++) {
        chunk.add(
            new NewJob(
                UUID.randomUUID(),
                "default",
                "document-digest",
                Lane.INTERACTIVE,
                input,
                null,
                null,
                Map.of(),
                3));
      }
      stores.jobs().submitAll(chunk).forEach(Attempted<Job>::orThrow);
    }
  }

  /** Ready (readiness probe up) and its topics created, so that no publish auto-creates one. */
  private static void awaitReady(ChildJvm worker, int port, Topics topics) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest readiness =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
            .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
      while (true) {
        if (!worker.isAlive()) {
          throw new IllegalStateException("the worker exited:\n" + worker.log());
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the worker was not ready within " + STARTUP);
        }
        try {
          boolean ready =
              http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          if (ready
              && admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics.lanes())) {
            return;
          }
        } catch (IOException e) {
          // not listening yet
        }
        Thread.sleep(200);
      }
    }
  }

  private static Path findWorkerJar() throws IOException {
    for (Path dir :
        List.of(Path.of("agent-worker", "target"), Path.of("..", "agent-worker", "target"))) {
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "*-exec.jar")) {
          for (Path jar : jars) {
            return jar;
          }
        }
      }
    }
    throw new IllegalStateException(
        "no worker jar in agent-worker/target: build it (see bench/README.md) or pass --worker-jar");
  }
}
