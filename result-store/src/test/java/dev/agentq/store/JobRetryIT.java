package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobRetryIT {
  private static final Duration LEASE = Duration.ofSeconds(30);

  private final MigratedDatabase db = new MigratedDatabase(2);
  private final JobStore jobs = db.stores.jobs();

  @AfterEach
  void close() {
    db.close();
  }

  private List<OutboxMessage> drainOutbox() {
    List<OutboxMessage> published = new ArrayList<>();
    while (db.stores.outbox().relay(100, published::addAll) > 0) {
      // keep draining
    }
    return published;
  }

  /** A job that ran one step, then failed for good on its last attempt. */
  private UUID failedAfterOneStep() {
    UUID id = jobs.submit(aJob().withMaxAttempts(1).build()).id();
    jobs.claim(List.of(id), "worker-a", LEASE);
    var now = db.clock.instant();
    jobs.recordStep(
        id,
        1,
        Checkpoint.step(0, "classify", 1, Json.parse("{\"c\":1}"), "m", new Usage(1, 1), now, now));
    jobs.finish(id, 1, new Outcome.Failed(new ErrorInfo("model_unavailable", "down", true, "x")));
    drainOutbox();
    return id;
  }

  @Test
  void aFailedJobIsQueuedAgainWithItsCheckpointsAndANewBudgetOfAttempts() {
    UUID id = failedAfterOneStep();

    Job retried = jobs.retry("default", id, 3, "req-7").orElseThrow();

    assertThat(retried.status()).isEqualTo(JobState.QUEUED);
    assertThat(retried.error()).isNull();
    assertThat(retried.finishedAt()).isNull();
    assertThat(retried.attempt()).as("never goes back: fencing").isEqualTo(1);
    assertThat(retried.maxAttempts()).isEqualTo(4);
    assertThat(jobs.checkpoints(id)).extracting(Checkpoint::name).containsExactly("classify");
    JobEvent event = jobs.events(id, 0, 10).getLast();
    assertThat(event.type()).isEqualTo("job.retrying");
    assertThat(event.data().get("reason").asString()).isEqualTo("retry_requested");
    assertThat(event.data().get("request_id").asString()).isEqualTo("req-7");
    assertThat(drainOutbox())
        .singleElement()
        .satisfies(message -> assertThat(message.key()).isEqualTo(id.toString()));

    Job second = jobs.claim(List.of(id), "worker-b", LEASE).getFirst();
    assertThat(second.attempt()).isEqualTo(2);
    assertThatThrownBy(
            () ->
                jobs.recordStep(
                    id,
                    1,
                    Checkpoint.step(
                        1,
                        "x",
                        1,
                        Json.object(),
                        null,
                        Usage.NONE,
                        db.clock.instant(),
                        db.clock.instant())))
        .isInstanceOf(LeaseLostException.class);
  }

  @Test
  void onlyAFailedJobOfTheTenantIsRetried() {
    UUID queued = jobs.submit(aJob().build()).id();
    UUID failed = failedAfterOneStep();

    assertThat(jobs.retry("default", queued, 3, null)).isEmpty();
    assertThat(jobs.retry("globex", failed, 3, null)).isEmpty();
    assertThat(jobs.retry("default", UUID.randomUUID(), 3, null)).isEmpty();
    assertThat(jobs.retry("default", failed, 3, null)).isPresent();
    assertThat(jobs.retry("default", failed, 3, null)).as("already queued again").isEmpty();
  }
}
