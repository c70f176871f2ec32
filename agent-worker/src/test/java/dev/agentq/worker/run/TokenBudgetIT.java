package dev.agentq.worker.run;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.JobState;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.worker.agent.digest.DocumentDigestAgent;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StepLimits;
import dev.agentq.worker.step.StopReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A job's token budget counts every model call it made, on every attempt, and a call whose input
 * alone would pass what is left is not made: the job fails with {@code token_budget_exceeded}.
 */
class TokenBudgetIT {
  /** Classify and extract fit (134 and 153 tokens spent); summarize's input (~55) does not. */
  private static final long TWO_STEPS = 134 + 153 + 20;

  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  private Job run(Job job, long budget, JobControl control, String owner) {
    worker
        .runner(new DocumentDigestAgent(), StepLimits.DEFAULT.withTokenBudget(budget))
        .run(worker.claim(job.id(), owner), control);
    return worker.job(job.id());
  }

  @Test
  void aCallOverTheBudgetIsNotMadeAndFailsTheJobForGood() {
    Job done = run(worker.submit(aDigestJob().build()), 10, new JobControl(), "worker-a");

    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.error().code()).isEqualTo("token_budget_exceeded");
    assertThat(done.error().retryable()).isFalse();
    assertThat(done.error().step()).isEqualTo("classify");
    assertThat(done.error().message()).contains("budget of 10");
    assertThat(worker.openAi().callCount()).isZero();
  }

  @Test
  void whatEarlierStepsSpentCounts() {
    Job done = run(worker.submit(aDigestJob().build()), TWO_STEPS, new JobControl(), "worker-a");

    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.error().code()).isEqualTo("token_budget_exceeded");
    assertThat(done.error().step()).isEqualTo("summarize");
    assertThat(worker.openAi().callCount()).isEqualTo(2);
    assertThat(done.usage()).isEqualTo(DigestModel.CLASSIFY_USAGE.plus(DigestModel.EXTRACT_USAGE));
  }

  @Test
  void whatEarlierAttemptsSpentCounts() {
    Job job = worker.submit(aDigestJob().build());
    JobControl control = new JobControl();
    worker
        .openAi()
        .respondWith(
            request -> {
              if (DigestModel.EXTRACT.equals(request.responseSchemaName())) {
                control.stop(StopReason.WORKER_SHUTDOWN);
              }
              return worker.model().reply(request);
            });
    assertThat(run(job, TWO_STEPS, control, "worker-a").status()).isEqualTo(JobState.QUEUED);
    worker.openAi().respondWith(worker.model());

    Job done = run(job, TWO_STEPS, new JobControl(), "worker-b");

    assertThat(done.status()).isEqualTo(JobState.FAILED);
    assertThat(done.error().code()).isEqualTo("token_budget_exceeded");
    assertThat(done.error().step()).isEqualTo("summarize");
    assertThat(worker.openAi().callCount()).as("attempt 2 made no call").isEqualTo(2);
    assertThat(worker.checkpoints(job.id()))
        .extracting(Checkpoint::name)
        .containsExactly("classify", "extract");
  }
}
