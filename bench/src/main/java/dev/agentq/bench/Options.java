package dev.agentq.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What to run and how big, from the command line ({@code --name value}; see {@link #USAGE}).
 *
 * @param jdbcUrl the Postgres server every scenario uses, each in a fresh schema of its own
 * @param jobs jobs of each throughput run (JobRunr, agentq), after the warm-up
 * @param warmup jobs run first and not counted, in each throughput run
 * @param clients concurrent HTTP clients submitting agentq's jobs
 * @param seconds length of each Postgres commit-rate run
 * @param threads client threads of the Postgres runs, one run per number
 * @param jobrunrWorkers JobRunr's worker count
 * @param latencyJobs jobs of the one-at-a-time latency run
 * @param inflightJobs jobs submitted at once to the one worker of the concurrency run
 * @param modelDelay how long each model reply takes in the concurrency run
 * @param workerJar the worker's runnable jar, for the concurrency run
 * @param uploadLines lines of the JSONL batch uploaded while the API's heap is watched
 * @param batchDocuments documents of the batch timed from upload to completed
 * @param keepSchemas leave each scenario's schema in place, for a look at its rows afterwards
 */
record Options(
    Set<Scenario> scenarios,
    String jdbcUrl,
    int jobs,
    int warmup,
    int clients,
    int seconds,
    List<Integer> threads,
    int jobrunrWorkers,
    int latencyJobs,
    int inflightJobs,
    Duration modelDelay,
    Path workerJar,
    int uploadLines,
    int batchDocuments,
    Path out,
    boolean allowUnsafe,
    boolean keepSchemas) {

  static final String USAGE =
      """
      usage: java -jar bench/target/agentq-bench.jar [options]
        --scenario all|pg|jobrunr|agentq|latency|inflight|upload|batch   (comma-separated; default all)
        --jdbc URL            Postgres (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
        --jobs N              jobs per throughput run, JobRunr and agentq (default 10000)
        --warmup N            jobs run first and not counted (default min(1000, jobs/5))
        --clients N           concurrent HTTP clients submitting to agentq (default 64)
        --seconds N           length of each Postgres commit-rate run (default 10)
        --threads A,B         client threads of the Postgres runs (default 8,32)
        --jobrunr-workers N   JobRunr worker count (default 32)
        --latency-jobs N      jobs of the one-at-a-time latency run (default 200)
        --inflight-jobs N     jobs given to one worker at once (default 10000)
        --model-delay MS      delay of each model reply in the concurrency run (default 2000)
        --worker-jar PATH     worker jar (default agent-worker/target/*-exec.jar)
        --upload-lines N      lines of the batch uploaded while the API's heap is watched (default 100000)
        --batch-documents N   documents of the batch timed from upload to completed (default 1000)
        --out PATH            JSON results (default bench/target/bench-results.json)
        --allow-unsafe        report even if fsync or synchronous_commit is off
        --keep-schemas        leave each scenario's schema (bench_*) for inspection
      """;

  static final String DEFAULT_JDBC = "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres";

  enum Scenario {
    PG,
    JOBRUNR,
    AGENTQ,
    LATENCY,
    INFLIGHT,
    UPLOAD,
    BATCH
  }

  boolean runs(Scenario scenario) {
    return scenarios.contains(scenario);
  }

  static Options parse(String... args) {
    Set<Scenario> scenarios = EnumSet.allOf(Scenario.class);
    String jdbc = DEFAULT_JDBC;
    int jobs = 10_000;
    Integer warmup = null;
    int clients = 64;
    int seconds = 10;
    List<Integer> threads = List.of(8, 32);
    int jobrunrWorkers = 32;
    int latencyJobs = 200;
    int inflightJobs = 10_000;
    Duration modelDelay = Duration.ofSeconds(2);
    Path workerJar = null;
    int uploadLines = 100_000;
    int batchDocuments = 1_000;
    Path out = Path.of("bench", "target", "bench-results.json");
    boolean allowUnsafe = false;
    boolean keepSchemas = false;

    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--allow-unsafe")) {
        allowUnsafe = true;
        continue;
      }
      if (flag.equals("--keep-schemas")) {
        keepSchemas = true;
        continue;
      }
      if (flag.equals("--help") || flag.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String value = args[++i];
      switch (flag) {
        case "--scenario" -> scenarios = scenarios(value);
        case "--jdbc" -> jdbc = value;
        case "--jobs" -> jobs = positive(flag, value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--clients" -> clients = positive(flag, value);
        case "--seconds" -> seconds = positive(flag, value);
        case "--threads" -> threads = numbers(flag, value);
        case "--jobrunr-workers" -> jobrunrWorkers = positive(flag, value);
        case "--latency-jobs" -> latencyJobs = positive(flag, value);
        case "--inflight-jobs" -> inflightJobs = positive(flag, value);
        case "--model-delay" -> modelDelay = Duration.ofMillis(Long.parseLong(value));
        case "--worker-jar" -> workerJar = Path.of(value);
        case "--upload-lines" -> uploadLines = positive(flag, value);
        case "--batch-documents" -> batchDocuments = positive(flag, value);
        case "--out" -> out = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    return new Options(
        scenarios,
        jdbc,
        jobs,
        warmup == null ? Math.min(1000, jobs / 5) : warmup,
        clients,
        seconds,
        threads,
        jobrunrWorkers,
        latencyJobs,
        inflightJobs,
        modelDelay,
        workerJar,
        uploadLines,
        batchDocuments,
        out,
        allowUnsafe,
        keepSchemas);
  }

  private static Set<Scenario> scenarios(String value) {
    Set<Scenario> chosen = EnumSet.noneOf(Scenario.class);
    for (String name : value.split(",")) {
      if (name.strip().equals("all")) {
        chosen.addAll(EnumSet.allOf(Scenario.class));
      } else {
        try {
          chosen.add(Scenario.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("unknown scenario " + name, e);
        }
      }
    }
    return chosen;
  }

  private static int positive(String flag, String value) {
    int n = Integer.parseInt(value);
    if (n < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1");
    }
    return n;
  }

  private static List<Integer> numbers(String flag, String value) {
    List<Integer> numbers = new ArrayList<>();
    for (String part : value.split(",")) {
      numbers.add(positive(flag, part.strip()));
    }
    return List.copyOf(numbers);
  }
}
