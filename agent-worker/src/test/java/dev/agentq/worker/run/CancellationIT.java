package dev.agentq.worker.run;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.schemas.JobState;
import dev.agentq.store.CancellationFeed;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.worker.fixture.DigestModel;
import dev.agentq.worker.fixture.LocalWorker;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancelling a job: a waiting one ends at once, a running one is cut short mid model call. */
class CancellationIT {
  private final LocalWorker worker = new LocalWorker();
  private final WorkerPool pool =
      new WorkerPool(worker.runner(), worker.jobs(), 10, Duration.ofSeconds(5), () -> {});
  private final CancellationFeed feed = CancellationFeed.listen(worker.dataSource(), pool::cancel);

  @AfterEach
  void tearDown() {
    feed.close();
    pool.close();
    worker.close();
  }

  @Test
  void aRunningJobIsCutShortInItsModelCallAndEndsCancelled() {
    worker
        .model()
        .answer(DigestModel.EXTRACT, Reply.text("never sent").withDelay(Duration.ofMinutes(10)));
    Job job = worker.submit(aDigestJob().build());
    pool.start(worker.claim(job.id(), "worker-a"));
    await("extract is in flight")
        .atMost(Duration.ofSeconds(30))
        .until(() -> worker.openAi().callCount() == 2);

    Job flagged = worker.jobs().requestCancel("acme", job.id()).orElseThrow();
    assertThat(flagged.status()).isEqualTo(JobState.RUNNING);
    assertThat(flagged.cancelRequestedAt()).isNotNull();

    await("the job is cancelled")
        .atMost(Duration.ofSeconds(20))
        .until(() -> worker.job(job.id()).status() == JobState.CANCELLED);
    Job cancelled = worker.job(job.id());
    assertThat(cancelled.finishedAt()).isNotNull();
    assertThat(pool.inflight()).isZero();
    assertThat(worker.checkpoints(job.id()))
        .extracting(Checkpoint::name)
        .as("the finished step stays recorded")
        .containsExactly("classify");
    assertThat(worker.eventTypes(job.id()))
        .containsSubsequence(JobEvent.CANCEL_REQUESTED, JobEvent.CANCELLED);
    assertThat(worker.openAi().callCount()).as("summarize never ran").isEqualTo(2);
  }

  @Test
  void aQueuedJobIsCancelledAtOnceAndNeverRuns() {
    Job job = worker.submit(aDigestJob().build());

    assertThat(worker.jobs().requestCancel("acme", job.id()).orElseThrow().status())
        .isEqualTo(JobState.CANCELLED);
    assertThat(worker.jobs().claim(List.of(job.id()), "worker-a", LocalWorker.LEASE)).isEmpty();
    assertThat(worker.openAi().callCount()).isZero();
  }
}
