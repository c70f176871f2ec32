package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.Lane;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A tenant's batch waiting in the batch lane never fills its interactive queue. */
class QueueCapLanesIT {
  private static final Duration DAY = Duration.ofHours(24);

  private final MigratedDatabase db = new MigratedDatabase(4);

  @AfterEach
  void close() {
    db.close();
  }

  private Submitted submit(NewJobs job) {
    return db.stores.submissions().submit(new Submission(job.build(), null, null, null, 3), DAY);
  }

  @Test
  void theQueueCapCountsOnlyTheJobsOfTheSubmittedJobsLane() {
    db.stores
        .jobs()
        .submitAll(IntStream.range(0, 10).mapToObj(i -> aJob().inLane(Lane.BATCH).build()).toList())
        .forEach(Attempted::orThrow);

    for (int i = 0; i < 3; i++) {
      assertThat(submit(aJob())).as("interactive job %d", i).isInstanceOf(Submitted.Accepted.class);
    }
    assertThat(submit(aJob())).isEqualTo(new Submitted.QueueFull(3));
    assertThat(submit(aJob().inLane(Lane.BATCH)))
        .as("the batch lane has its own queue, already over the cap")
        .isEqualTo(new Submitted.QueueFull(3));
  }
}
