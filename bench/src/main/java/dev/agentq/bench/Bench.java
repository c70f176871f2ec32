package dev.agentq.bench;

import dev.agentq.bench.Options.Scenario;
import dev.agentq.schemas.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The benchmark's entry point: runs the chosen scenarios against one Postgres server, then prints a
 * table and writes a JSON file with every figure next to its reference. See bench/README.md.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) {
    quietLogging();
    // The fake model's HTTP server (the JDK's) closes idle connections beyond 200 by default; a
    // worker holding thousands of model calls would see resets that no real provider sends.
    System.setProperty("sun.net.httpserver.maxIdleConnections", "30000");
    int status = run(args);
    // the in-process Kafka broker's shutdown hook races with the removal of its directory
    LoggingSystem.get(Bench.class.getClassLoader()).setLogLevel(null, LogLevel.OFF);
    System.exit(status);
  }

  /**
   * Standalone brings a logback.xml of its own; the bench's is quieter, for logback as it starts
   * (JobRunr and Kafka log before any Spring context) and for Spring Boot after. {@code
   * -Dlogging.config=...} chooses another.
   */
  private static void quietLogging() {
    if (System.getProperty("logging.config") == null) {
      System.setProperty("logback.configurationFile", "logback-bench.xml");
      LoggerFactory.getILoggerFactory();
      // Spring Boot reads logging.config, and warns about this one
      System.clearProperty("logback.configurationFile");
      System.setProperty("logging.config", "classpath:logback-bench.xml");
    }
  }

  static int run(String... args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.print(Options.USAGE);
      return 2;
    }
    Database.keepSchemas = options.keepSchemas();
    Database.Settings settings = Database.settings(options.jdbcUrl());
    System.out.printf(
        "Postgres %s: SHOW fsync = %s, SHOW synchronous_commit = %s%n",
        settings.version(), settings.fsync(), settings.synchronousCommit());
    if (!settings.durable() && !options.allowUnsafe()) {
      System.err.println(
          "refusing to measure: a commit on this Postgres does not wait for the disk, so no figure"
              + " would mean anything. Turn fsync and synchronous_commit on, or pass --allow-unsafe.");
      return 3;
    }
    Report.Environment environment =
        new Report.Environment(
            Instant.now().toString(),
            String.join(" ", args),
            Runtime.version().toString(),
            Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().maxMemory() / 1_000_000,
            WorkerProbe.openFilesLimit(ProcessHandle.current().pid()),
            settings.version(),
            settings.fsync(),
            settings.synchronousCommit(),
            settings.durable());

    Map<String, String> failures = new LinkedHashMap<>();
    String url = options.jdbcUrl();
    PgScenario.Result postgres =
        options.runs(Scenario.PG)
            ? attempt(
                "postgres",
                failures,
                () -> PgScenario.run(url, options.threads(), options.seconds()))
            : null;
    JobRunrScenario.Result jobrunr =
        options.runs(Scenario.JOBRUNR)
            ? attempt(
                "jobrunr",
                failures,
                () ->
                    JobRunrScenario.run(
                        url, options.jobs(), options.warmup(), options.jobrunrWorkers()))
            : null;
    AgentqScenario.Result agentq =
        options.runs(Scenario.AGENTQ)
            ? attempt(
                "agentq",
                failures,
                () -> AgentqScenario.run(url, options.jobs(), options.warmup(), options.clients()))
            : null;
    LatencyScenario.Result latency =
        options.runs(Scenario.LATENCY)
            ? attempt("latency", failures, () -> LatencyScenario.run(url, options.latencyJobs()))
            : null;
    InflightScenario.Result inflight =
        options.runs(Scenario.INFLIGHT)
            ? attempt(
                "inflight",
                failures,
                () ->
                    InflightScenario.run(
                        url, options.inflightJobs(), options.modelDelay(), options.workerJar()))
            : null;

    BatchScenario.UploadResult upload =
        options.runs(Scenario.UPLOAD)
            ? attempt("upload", failures, () -> BatchScenario.upload(url, options.uploadLines()))
            : null;
    BatchScenario.RunResult batch =
        options.runs(Scenario.BATCH)
            ? attempt("batch", failures, () -> BatchScenario.run(url, options.batchDocuments()))
            : null;

    Report report =
        Report.of(
            environment, postgres, jobrunr, agentq, latency, inflight, upload, batch, failures);
    System.out.println();
    System.out.print(Table.render(report));
    try {
      Path out = options.out().toAbsolutePath();
      Files.createDirectories(out.getParent());
      Files.writeString(
          out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
      System.out.println("results written to " + out);
    } catch (Exception e) {
      System.err.println("could not write the results: " + e.getMessage());
      return 1;
    }
    return failures.isEmpty() ? 0 : 1;
  }

  private static <T> T attempt(String scenario, Map<String, String> failures, Callable<T> run) {
    log("%s: starting", scenario);
    try {
      return run.call();
    } catch (Exception e) {
      log("%s: FAILED: %s", scenario, e);
      e.printStackTrace();
      failures.put(scenario, String.valueOf(e.getMessage()));
      return null;
    }
  }

  static void log(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[bench %tT] %s%n",
        Instant.now().atZone(java.time.ZoneId.systemDefault()),
        String.format(Locale.ROOT, format, args));
  }
}
