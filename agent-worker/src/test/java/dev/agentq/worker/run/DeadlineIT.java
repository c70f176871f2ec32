package dev.agentq.worker.run;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.JobState;
import dev.agentq.store.Job;
import dev.agentq.worker.fixture.LocalWorker;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.StepLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A job past its deadline starts no more steps and fails for good. */
class DeadlineIT {
  private final LocalWorker worker = new LocalWorker();

  @AfterEach
  void tearDown() {
    worker.close();
  }

  @Test
  void aJobPastItsDeadlineFails() {
    Job job = worker.submit(aDigestJob().build());
    worker.clock().advance(StepLimits.DEFAULT.jobTimeout().plusSeconds(1));

    worker.runner().run(worker.claim(job.id(), "worker-a"), new JobControl());

    Job failed = worker.job(job.id());
    assertThat(failed.status()).isEqualTo(JobState.FAILED);
    assertThat(failed.error().code()).isEqualTo("deadline_exceeded");
    assertThat(failed.error().retryable()).isFalse();
    assertThat(worker.openAi().callCount()).isZero();
  }
}
