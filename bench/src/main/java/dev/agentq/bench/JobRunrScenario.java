package dev.agentq.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.server.JobActivator;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

/**
 * The peer: JobRunr OSS with its Postgres storage and a background job server in this JVM (no
 * dashboard). Each job makes the same three committed writes as the Postgres reference, through
 * JDBC. Measured: from the first enqueue of a batch to the moment JobRunr's storage counts all of
 * its jobs succeeded.
 */
final class JobRunrScenario {
  /**
   * How often an idle server looks for work: JobRunr's smallest (its default is 15 s). A busy
   * server takes new work as soon as a worker frees up; an idle one waits for its next poll, so
   * after enqueueing a batch the bench runs JobRunr's job steward once, as that poll would.
   */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

  /**
   * @param jobs jobs counted
   * @param workers JobRunr's worker count (virtual threads)
   * @param connections size of the connection pool shared by JobRunr and its jobs
   * @param pollInterval JobRunr's poll interval
   * @param enqueueSeconds time to enqueue the batch
   * @param seconds first enqueue to all succeeded
   * @param jobsPerSecond jobs divided by seconds
   * @param failed jobs JobRunr counts as failed
   */
  record Result(
      int jobs,
      int warmupJobs,
      int workers,
      int connections,
      String jsonMapper,
      String pollInterval,
      double enqueueSeconds,
      double seconds,
      double jobsPerSecond,
      long failed) {}

  /** A JobRunr job: the id its three writes carry. */
  public record ThreeWritesJob(long jobId) implements JobRequest {
    @Override
    public Class<ThreeWritesHandler> getJobRequestHandler() {
      return ThreeWritesHandler.class;
    }
  }

  /** Runs a {@link ThreeWritesJob}: three single-row INSERTs, each committed. */
  public static final class ThreeWritesHandler implements JobRequestHandler<ThreeWritesJob> {
    private final DataSource dataSource;

    ThreeWritesHandler(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    @Override
    public void run(ThreeWritesJob job) throws Exception {
      try (Connection connection = dataSource.getConnection();
          PreparedStatement insert = connection.prepareStatement(ThreeWrites.INSERT)) {
        connection.setAutoCommit(false);
        ThreeWrites.job(connection, insert, job.jobId());
      }
    }
  }

  private JobRunrScenario() {}

  static Result run(String serverUrl, int jobs, int warmup, int workers) throws Exception {
    // a connection per worker for its writes, and some for JobRunr's own bookkeeping
    int connections = workers + 8;
    try (Database.Schema schema = Database.Schema.create(serverUrl, "jobrunr");
        HikariDataSource pool = schema.pool(connections)) {
      Database.execute(schema.url(), ThreeWrites.TABLE);
      StorageProvider storage = new PostgresStorageProvider(pool);
      ThreeWritesHandler handler = new ThreeWritesHandler(pool);
      JobRequestScheduler scheduler =
          JobRunr.configure()
              .useJsonMapper(new JacksonJsonMapper())
              .useStorageProvider(storage)
              .useJobActivator(activator(handler))
              .useBackgroundJobServer(
                  BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                      .andWorkerCount(workers)
                      .andPollInterval(POLL_INTERVAL))
              .initialize()
              .getJobRequestScheduler();
      try {
        if (warmup > 0) {
          batch(scheduler, storage, 0, warmup);
          Bench.log("jobrunr: %d warm-up jobs done", warmup);
        }
        long start = System.nanoTime();
        double enqueued = enqueue(scheduler, warmup, jobs);
        awaitSucceeded(storage, warmup + jobs);
        double seconds = (System.nanoTime() - start) / 1e9;
        long failed = storage.countJobs(StateName.FAILED);
        Bench.log("jobrunr: %d jobs in %.2f s, %.0f jobs/s", jobs, seconds, jobs / seconds);
        return new Result(
            jobs,
            warmup,
            workers,
            connections,
            JacksonJsonMapper.class.getSimpleName(),
            POLL_INTERVAL.toString(),
            enqueued,
            seconds,
            jobs / seconds,
            failed);
      } finally {
        JobRunr.destroy();
      }
    }
  }

  private static void batch(JobRequestScheduler scheduler, StorageProvider storage, int from, int n)
      throws InterruptedException {
    enqueue(scheduler, from, n);
    awaitSucceeded(storage, from + n);
  }

  /**
   * Enqueues jobs {@code from .. from + n - 1} in JobRunr's bulk path and has the server look for
   * them at once; returns the seconds the enqueue took.
   */
  private static double enqueue(JobRequestScheduler scheduler, int from, int n) {
    long start = System.nanoTime();
    scheduler.enqueue(LongStream.range(from, from + n).mapToObj(ThreeWritesJob::new));
    double seconds = (System.nanoTime() - start) / 1e9;
    JobRunr.getBackgroundJobServer().getJobSteward().run();
    return seconds;
  }

  private static void awaitSucceeded(StorageProvider storage, long total)
      throws InterruptedException {
    Duration timeout = AgentqScenario.timeout((int) total);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int polls = 1; storage.countJobs(StateName.SUCCEEDED) < total; polls++) {
      if (polls % 50 == 0 && storage.countJobs(StateName.FAILED) > 0) {
        throw new IllegalStateException("JobRunr failed a job; see its log above");
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("JobRunr did not finish " + total + " jobs in " + timeout);
      }
      Thread.sleep(10);
    }
  }

  private static JobActivator activator(ThreeWritesHandler handler) {
    return new JobActivator() {
      @Override
      public <T> T activateJob(Class<T> type) {
        return type.isInstance(handler) ? type.cast(handler) : null;
      }
    };
  }
}
