package dev.agentq.api.support;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.store.Outcome;
import dev.agentq.store.Stores;
import dev.agentq.testkit.db.TestDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Does in Postgres what a worker does (claim, checkpoint, finish) through the real store, so that
 * API tests see jobs move without running agents. It writes from a connection pool of its own, as a
 * worker in another process would.
 */
public final class FakeWorker implements AutoCloseable {
  private final HikariDataSource dataSource = new HikariDataSource();
  private final JobStore jobs;

  public FakeWorker(TestDatabase db) {
    dataSource.setJdbcUrl(db.jdbcUrl());
    dataSource.setMaximumPoolSize(2);
    jobs = Stores.postgres(dataSource, Clock.systemUTC()).jobs();
  }

  public Job claim(String jobId) {
    return jobs.claim(List.of(UUID.fromString(jobId)), "fake-worker", Duration.ofMinutes(5))
        .getFirst();
  }

  /**
   * Records step number {@code n} as the real runtime does: its model call inside it, then the step
   * itself carrying the call's tokens.
   */
  public void step(Job job, int n, String name, long inputTokens, long outputTokens) {
    Instant end = Instant.now();
    Usage usage = new Usage(inputTokens, outputTokens);
    int seq = 2 * n;
    jobs.recordStep(
        job.id(),
        job.attempt(),
        new Checkpoint(
            seq + 1,
            name + "/model",
            Checkpoint.Kind.MODEL,
            seq,
            seq + 2,
            job.attempt(),
            Json.object(),
            "gpt-fake",
            usage,
            end.minusMillis(120),
            end));
    jobs.recordStep(
        job.id(),
        job.attempt(),
        new Checkpoint(
            seq,
            name,
            Checkpoint.Kind.STEP,
            null,
            seq + 2,
            job.attempt(),
            Json.parse("{\"step\":\"" + name + "\"}"),
            "gpt-fake",
            usage,
            end.minusMillis(120),
            end));
  }

  public void succeed(Job job) {
    jobs.finish(
        job.id(), job.attempt(), new Outcome.Succeeded(Json.parse("{\"ok\":true}"), "gpt-fake"));
  }

  public void fail(Job job, String step) {
    jobs.finish(
        job.id(),
        job.attempt(),
        new Outcome.Failed(new ErrorInfo("model_unavailable", "the model was down", true, step)));
  }

  /** Stops a job at a step boundary after its cancel was asked for, as the runtime does. */
  public void cancelled(Job job) {
    jobs.finish(job.id(), job.attempt(), new Outcome.Cancelled());
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
