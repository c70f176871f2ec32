package dev.agentq.worker.run;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.JobState;
import dev.agentq.store.Job;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.step.JobControl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job whose model keeps failing transiently waits, then runs again from its last checkpoint. */
class JobRetryIT {
  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private Job runOnce(Job job) {
    worker.runner().run(worker.claim(job.id(), "worker-a"), new JobControl());
    return worker.job(job.id());
  }

  @Test
  void aTransientFailureWaitsWithBackoffThenResumesWithoutRepeatingFinishedSteps() {
    worker.model().answer(DigestModel.SUMMARIZE, Reply.error(503, "server_error", "overloaded"));
    Job job = worker.submit(aDigestJob().build());

    Job waiting = runOnce(job);
    assertThat(waiting.status()).isEqualTo(JobState.RETRY_WAIT);
    assertThat(waiting.error().code()).isEqualTo("model_unavailable");
    assertThat(waiting.error().step()).isEqualTo("summarize");
    assertThat(waiting.error().retryable()).isTrue();
    assertThat(waiting.availableAt())
        .isBetween(
            worker.clock().instant().plusMillis(2_500), worker.clock().instant().plusSeconds(5));
    assertThat(worker.jobs().dispatchDueRetries(10)).as("not due yet").isZero();

    worker.model().restore(DigestModel.SUMMARIZE);
    worker.clock().advance(Duration.ofSeconds(5));
    assertThat(worker.jobs().dispatchDueRetries(10)).isEqualTo(1);
    Job done = runOnce(job);

    assertThat(done.status()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.attempt()).isEqualTo(2);
    assertThat(done.error()).isNull();
    assertThat(worker.openAi().requests())
        .extracting(r -> r.responseSchemaName())
        .containsExactly(
            DigestModel.CLASSIFY,
            DigestModel.EXTRACT,
            DigestModel.SUMMARIZE,
            DigestModel.SUMMARIZE);
    assertThat(worker.eventTypes(job.id())).contains("job.retrying");
  }

  @Test
  void aRateLimitedJobWaitsAtLeastAsLongAsTheProviderAsked() {
    worker
        .model()
        .answer(
            DigestModel.CLASSIFY,
            Reply.error(429, "rate_limit_exceeded", "slow down").withHeader("Retry-After", "90"));

    Job waiting = runOnce(worker.submit(aDigestJob().build()));

    assertThat(waiting.status()).isEqualTo(JobState.RETRY_WAIT);
    assertThat(waiting.error().code()).isEqualTo("model_rate_limited");
    assertThat(waiting.availableAt()).isEqualTo(worker.clock().instant().plusSeconds(90));
  }

  @Test
  void theLastAttemptFailsForGoodAndIsDeadLettered() {
    worker.model().answer(DigestModel.CLASSIFY, Reply.error(503, "server_error", "down"));
    Job job = worker.submit(aDigestJob().withMaxAttempts(1).build());
    worker.outbox().relay(100, batch -> {});

    Job failed = runOnce(job);

    assertThat(failed.status()).isEqualTo(JobState.FAILED);
    assertThat(failed.error().retryable()).as("retryable, but out of attempts").isTrue();
    List<String> topics = new java.util.ArrayList<>();
    worker.outbox().relay(100, batch -> batch.forEach(m -> topics.add(m.topic())));
    assertThat(topics).containsExactly("jobs.dlq");
    assertThat(worker.metrics().get("agentq.jobs").tag("status", "failed").counter().count())
        .isEqualTo(1);
  }
}
