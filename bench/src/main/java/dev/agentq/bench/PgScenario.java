package dev.agentq.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The reference: how fast this Postgres commits. N client threads, each on its own connection, do
 * single-row INSERT + COMMIT for a fixed time (commits/s); then the same threads run "jobs" of
 * three such commits in a row (jobs/s). The first second of each run warms up and is not counted.
 */
final class PgScenario {
  private static final Duration WARMUP = Duration.ofSeconds(1);

  /**
   * One timed run.
   *
   * @param threads client threads, one connection each
   * @param seconds how long it was counted
   * @param count commits, or jobs of three commits, finished in that time
   * @param perSecond count divided by seconds
   */
  record Run(int threads, double seconds, long count, double perSecond) {}

  /**
   * @param commits single-row INSERT + COMMIT, per thread count
   * @param threeCommitJobs three sequential committed writes per job, per thread count
   */
  record Result(List<Run> commits, List<Run> threeCommitJobs) {
    /** The best jobs/s of the three-commit pattern: the ceiling of one commit per step. */
    Run bestJobs() {
      return threeCommitJobs.stream()
          .max((a, b) -> Double.compare(a.perSecond(), b.perSecond()))
          .orElseThrow();
    }
  }

  private PgScenario() {}

  static Result run(String serverUrl, List<Integer> threadCounts, int seconds) throws Exception {
    try (Database.Schema schema = Database.Schema.create(serverUrl, "pg")) {
      Database.execute(schema.url(), ThreeWrites.TABLE);
      List<Run> commits = new ArrayList<>();
      List<Run> jobs = new ArrayList<>();
      for (int threads : threadCounts) {
        commits.add(timed(schema, threads, Duration.ofSeconds(seconds), false));
        Bench.log("pg: %d threads, %.0f commits/s", threads, commits.getLast().perSecond());
      }
      for (int threads : threadCounts) {
        jobs.add(timed(schema, threads, Duration.ofSeconds(seconds), true));
        Bench.log("pg: %d threads, %.0f three-commit jobs/s", threads, jobs.getLast().perSecond());
      }
      return new Result(commits, jobs);
    }
  }

  private static Run timed(Database.Schema schema, int threads, Duration length, boolean jobs)
      throws Exception {
    LongAdder done = new LongAdder();
    AtomicBoolean counting = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch connected = new CountDownLatch(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> clients = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long firstJob = t * 1_000_000_000L;
        clients.add(
            pool.submit(
                () -> {
                  client(schema, firstJob, jobs, connected, counting, stop, done);
                  return null;
                }));
      }
      if (!connected.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the Postgres clients could not all connect in 30 s");
      }
      Thread.sleep(WARMUP);
      counting.set(true);
      long start = System.nanoTime();
      Thread.sleep(length);
      counting.set(false);
      double seconds = (System.nanoTime() - start) / 1e9;
      stop.set(true);
      for (Future<?> client : clients) {
        try {
          client.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("a Postgres client failed", e.getCause());
        }
      }
      return new Run(threads, seconds, done.sum(), done.sum() / seconds);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void client(
      Database.Schema schema,
      long firstJob,
      boolean jobs,
      CountDownLatch connected,
      AtomicBoolean counting,
      AtomicBoolean stop,
      LongAdder done)
      throws SQLException {
    try (Connection connection = schema.connect();
        PreparedStatement insert = connection.prepareStatement(ThreeWrites.INSERT)) {
      connection.setAutoCommit(false);
      connected.countDown();
      for (long job = firstJob; !stop.get(); job++) {
        if (jobs) {
          ThreeWrites.job(connection, insert, job);
        } else {
          ThreeWrites.write(connection, insert, job, 1);
        }
        if (counting.get()) {
          done.increment();
        }
      }
    }
  }
}
