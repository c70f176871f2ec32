package dev.agentq.bench;

import dev.agentq.testkit.process.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Watches a worker process on a virtual thread of its own: its {@code /actuator/prometheus} and its
 * open files, every {@link #EVERY}, keeping the peaks until {@link #close()}.
 */
final class WorkerProbe {
  static final Duration EVERY = Duration.ofMillis(250);

  private final ChildJvm worker;
  private final HttpRequest request;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Scrape peak = new Scrape(0, 0);
  private volatile long maxHeap;
  private volatile long maxOpenFiles;

  WorkerProbe(ChildJvm worker, int port) {
    this.worker = worker;
    this.request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
            .timeout(Duration.ofSeconds(5))
            .build();
    this.thread = Thread.ofVirtual().name("bench-worker-probe").start(this::loop);
  }

  /** The sample with the most jobs in flight. */
  Scrape peak() {
    return peak;
  }

  long maxHeapBytes() {
    return maxHeap;
  }

  long maxOpenFiles() {
    return maxOpenFiles;
  }

  private void loop() {
    while (running) {
      try {
        Scrape scrape =
            Scrape.parse(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (scrape.inflight() > peak.inflight()) {
          peak = scrape;
        }
        maxHeap = Math.max(maxHeap, scrape.heapUsedBytes());
        maxOpenFiles = Math.max(maxOpenFiles, openFiles(worker.pid()));
        Thread.sleep(EVERY);
      } catch (IOException e) {
        // a missed sample; the next one counts
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Stops sampling; the peaks stay readable. */
  void stop() throws InterruptedException {
    running = false;
    thread.join();
  }

  private static long openFiles(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** The soft "Max open files" of a process, from {@code /proc/<pid>/limits}; -1 if unknown. */
  static long openFilesLimit(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
        if (line.startsWith("Max open files")) {
          String soft = line.substring("Max open files".length()).strip().split("\\s+")[0];
          return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or the process is gone
    }
    return -1;
  }
}
