package dev.agentq.bench;

import dev.agentq.schemas.Json;
import dev.agentq.testkit.openai.FakeOpenAiServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * Batches over HTTP ({@code POST /v1/batches}, JSONL). {@link #upload}: the heap of the JVM holding
 * the API while it takes a 100,000-line upload, with no worker in it. {@link #run}: a
 * 1,000-document batch through the standalone context, from the upload's first byte to the batch
 * seen {@code completed}.
 */
final class BatchScenario {
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration HEAP_EVERY = Duration.ofMillis(10);
  private static final double MB = 1_000_000.0;

  /**
   * @param bytes size of the JSONL body
   * @param uploadSeconds from sending the request to its answer
   * @param heapBeforeMb heap used just before the upload, after a GC
   * @param heapPeakMb the most heap used in any sample during the upload (every 10 ms), garbage not
   *     yet collected included
   * @param liveHeapPeakMb the most heap left right after a collection, in any sample during the
   *     upload: what the upload really kept alive
   * @param heapAfterMb heap used once the upload was answered, after a GC
   * @param heapMaxMb the JVM's heap limit
   * @param status the HTTP status of the upload (201 expected)
   * @param total jobs the batch view counts
   * @param invalid lines it refused
   * @param errors 1 when the upload was not answered 201 with every line taken as a job
   */
  record UploadResult(
      int lines,
      long bytes,
      double uploadSeconds,
      double heapBeforeMb,
      double heapPeakMb,
      double liveHeapPeakMb,
      double heapAfterMb,
      double heapMaxMb,
      int status,
      long total,
      long invalid,
      long errors) {}

  /**
   * @param uploadSeconds from sending the request to its answer
   * @param seconds from sending the upload to the client seeing the batch {@code completed} (polled
   *     every 100 ms)
   * @param serverSeconds the batch view's {@code created_at} to {@code completed_at}
   * @param errors jobs not succeeded, or 1 when the batch did not complete in time
   */
  record RunResult(
      int documents,
      double uploadSeconds,
      double seconds,
      double serverSeconds,
      String status,
      long succeeded,
      long failed,
      long errors) {}

  private BatchScenario() {}

  static UploadResult upload(String serverUrl, int lines) throws Exception {
    Path body = jsonl(lines);
    try (Database.Schema schema = Database.Schema.create(serverUrl, "upload");
        AgentqApp app = AgentqApp.startApiOnly(schema)) {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      double before = settledHeapMb(memory);
      HeapSampler sampler = new HeapSampler(memory);
      long start = System.nanoTime();
      HttpResponse<String> response;
      try {
        response = post(app, body);
      } finally {
        sampler.stop();
      }
      double uploadSeconds = (System.nanoTime() - start) / 1e9;
      double after = settledHeapMb(memory);
      JsonNode view = response.statusCode() == 201 ? Json.parse(response.body()) : null;
      long total = view == null ? 0 : view.at("/counts/total").asLong();
      long invalid = view == null ? 0 : view.at("/counts/invalid").asLong();
      Bench.log(
          "upload: %d lines in %.1f s, heap %.0f MB before, %.0f MB at most (%.0f MB after a"
              + " collection), %.0f MB after",
          lines, uploadSeconds, before, sampler.peakMb(), sampler.livePeakMb(), after);
      return new UploadResult(
          lines,
          Files.size(body),
          uploadSeconds,
          before,
          sampler.peakMb(),
          sampler.livePeakMb(),
          after,
          memory.getHeapMemoryUsage().getMax() / MB,
          response.statusCode(),
          total,
          invalid,
          response.statusCode() == 201 && total == lines ? 0 : 1);
    } finally {
      Files.deleteIfExists(body);
    }
  }

  static RunResult run(String serverUrl, int documents) throws Exception {
    Path body = jsonl(documents);
    try (Database.Schema schema = Database.Schema.create(serverUrl, "batch");
        FakeOpenAiServer openAi =
            FakeOpenAiServer.start().recording(false).respondWith(new DigestModel(Duration.ZERO));
        AgentqApp app = AgentqApp.start(schema, openAi.baseUrl())) {
      long start = System.nanoTime();
      HttpResponse<String> response = post(app, body);
      double uploadSeconds = (System.nanoTime() - start) / 1e9;
      if (response.statusCode() != 201) {
        throw new IllegalStateException(
            "upload answered " + response.statusCode() + ": " + response.body());
      }
      String id = Json.parse(response.body()).get("id").asString();
      long deadline = System.nanoTime() + timeout(documents).toNanos();
      JsonNode view = get(app, "/v1/batches/" + id);
      while (!ended(view) && System.nanoTime() < deadline) {
        Thread.sleep(100);
        view = get(app, "/v1/batches/" + id);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      String status = view.get("status").asString();
      long succeeded = view.at("/counts/succeeded").asLong();
      long failed =
          view.at("/counts/failed").asLong()
              + view.at("/counts/cancelled").asLong()
              + view.at("/counts/invalid").asLong();
      double serverSeconds =
          view.get("completed_at").isString()
              ? Duration.between(
                          Instant.parse(view.get("created_at").asString()),
                          Instant.parse(view.get("completed_at").asString()))
                      .toNanos()
                  / 1e9
              : Double.NaN;
      Bench.log(
          "batch: %d documents %s in %.1f s (upload %.2f s)",
          documents, status, seconds, uploadSeconds);
      return new RunResult(
          documents,
          uploadSeconds,
          seconds,
          serverSeconds,
          status,
          succeeded,
          failed,
          status.equals("completed") ? documents - succeeded : Math.max(1, documents - succeeded));
    } finally {
      Files.deleteIfExists(body);
    }
  }

  private static boolean ended(JsonNode view) {
    String status = view.get("status").asString();
    return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
  }

  /** Two minutes, or a second per ten documents if longer. */
  private static Duration timeout(int documents) {
    return Duration.ofSeconds(Math.max(120, documents / 10));
  }

  /** The JSONL file of {@code lines} document-digest lines, written once, streamed from disk. */
  private static Path jsonl(int lines) throws IOException {
    Path file = Files.createTempFile("agentq-bench-batch-", ".jsonl");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < lines; i++) {
        var line = Json.object().put("custom_id", "doc-" + i).put("agent", "document-digest");
        line.set("input", Json.object().put("document", DigestModel.DOCUMENT));
        out.write(Json.write(line));
        out.write('\n');
      }
    }
    return file;
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static HttpResponse<String> post(AgentqApp app, Path body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(app.baseUrl() + "/v1/batches"))
            .timeout(UPLOAD_TIMEOUT)
            .header("Authorization", "Bearer " + AgentqApp.apiKey())
            .header("Content-Type", "application/jsonl")
            .POST(HttpRequest.BodyPublishers.ofFile(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode get(AgentqApp app, String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + AgentqApp.apiKey())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + response.statusCode());
    }
    return Json.parse(response.body());
  }

  /** Heap used after a GC has had the chance to run: what stays, not what waits to be freed. */
  private static double settledHeapMb(MemoryMXBean memory) throws InterruptedException {
    System.gc();
    Thread.sleep(200);
    return memory.getHeapMemoryUsage().getUsed() / MB;
  }

  /** Samples the heap used every {@link #HEAP_EVERY} on a thread of its own. */
  private static final class HeapSampler {
    private final MemoryMXBean memory;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile long livePeak;

    HeapSampler(MemoryMXBean memory) {
      this.memory = memory;
      this.thread = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(this::loop);
    }

    private void loop() {
      while (running) {
        peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        livePeak = Math.max(livePeak, afterLastCollection());
        try {
          Thread.sleep(HEAP_EVERY);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
      peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    double peakMb() {
      return peak / MB;
    }

    double livePeakMb() {
      return livePeak / MB;
    }

    private static long afterLastCollection() {
      long used = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        MemoryUsage collected = pool.getCollectionUsage();
        if (pool.getType() == MemoryType.HEAP && collected != null) {
          used += collected.getUsed();
        }
      }
      return used;
    }
  }
}
