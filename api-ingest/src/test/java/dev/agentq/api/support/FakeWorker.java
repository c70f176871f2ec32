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

  public void step(Job job, int seq, String name, long inputTokens, long outputTokens) {
    Instant end = Instant.now();
    jobs.recordStep(
        job.id(),
        job.attempt(),
        new Checkpoint(
            seq,
            name,
            job.attempt(),
            Json.parse("{\"step\":\"" + name + "\"}"),
            "gpt-fake",
            new Usage(inputTokens, outputTokens),
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

  @Override
  public void close() {
    dataSource.close();
  }
}
