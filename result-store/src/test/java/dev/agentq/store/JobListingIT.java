package dev.agentq.store;

import static dev.agentq.store.NewJobs.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobListingIT {
  private final MigratedDatabase db = new MigratedDatabase(2);
  private final JobStore jobs = db.stores.jobs();

  @AfterEach
  void close() {
    db.close();
  }

  private static JobQuery all(int limit) {
    return new JobQuery(null, null, null, null, null, null, limit);
  }

  private UUID submitAt(NewJobs job) {
    db.clock.advance(Duration.ofSeconds(1));
    return jobs.submit(job.build()).id();
  }

  @Test
  void pagesWalkEveryJobNewestFirstExactlyOnce() {
    List<UUID> submitted = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      submitted.add(submitAt(aJob()));
    }
    jobs.submit(aJob().forTenant("globex").build());

    List<UUID> seen = new ArrayList<>();
    JobQuery.Position after = null;
    boolean more = true;
    while (more) {
      JobPage page = jobs.list("default", new JobQuery(null, null, null, null, null, after, 3));
      page.jobs().forEach(job -> seen.add(job.id()));
      more = page.hasMore();
      after = page.jobs().getLast().position();
    }

    assertThat(seen).containsExactlyElementsOf(submitted.reversed());
  }

  @Test
  void jobsCreatedInTheSameMicrosecondAreOrderedById() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(jobs.submit(aJob().build()).id());
    }
    JobPage first = jobs.list("default", all(2));
    JobPage second =
        jobs.list(
            "default",
            new JobQuery(null, null, null, null, null, first.jobs().get(1).position(), 2));

    List<UUID> seen = new ArrayList<>();
    first.jobs().forEach(j -> seen.add(j.id()));
    second.jobs().forEach(j -> seen.add(j.id()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
    assertThat(second.hasMore()).isFalse();
  }

  @Test
  void filtersByStatusAgentTimeAndMetadata() {
    UUID early = submitAt(aJob().withMetadata(Map.of("customer", "acme", "batch", "7")));
    Instant middle = db.clock.instant().plusMillis(500);
    UUID other = submitAt(aJob().forAgent("other-agent").withMetadata(Map.of("customer", "acme")));
    UUID late = submitAt(aJob().withMetadata(Map.of("customer", "globex")));
    jobs.claim(List.of(late), "worker", Duration.ofMinutes(1));

    assertThat(ids(new JobQuery(Set.of(JobState.RUNNING), null, null, null, null, null, 10)))
        .containsExactly(late);
    assertThat(
            ids(
                new JobQuery(
                    Set.of(JobState.QUEUED, JobState.RUNNING), null, null, null, null, null, 10)))
        .containsExactly(late, other, early);
    assertThat(ids(new JobQuery(null, "other-agent", null, null, null, null, 10)))
        .containsExactly(other);
    assertThat(ids(new JobQuery(null, null, middle, null, null, null, 10)))
        .containsExactly(late, other);
    assertThat(ids(new JobQuery(null, null, null, middle, null, null, 10))).containsExactly(early);
    assertThat(ids(new JobQuery(null, null, null, null, Map.of("customer", "acme"), null, 10)))
        .containsExactly(other, early);
    assertThat(
            ids(
                new JobQuery(
                    null, null, null, null, Map.of("customer", "acme", "batch", "7"), null, 10)))
        .containsExactly(early);
  }

  @Test
  void aSummaryCarriesNoInput() {
    UUID id = submitAt(aJob().withMetadata(Map.of("k", "v")));

    JobSummary summary = jobs.list("default", all(1)).jobs().getFirst();

    assertThat(summary.id()).isEqualTo(id);
    assertThat(summary.metadata()).containsExactly(Map.entry("k", "v"));
    assertThat(summary.status()).isEqualTo(JobState.QUEUED);
    assertThat(summary.createdAt()).isEqualTo(db.clock.instant());
  }

  private List<UUID> ids(JobQuery query) {
    return jobs.list("default", query).jobs().stream().map(JobSummary::id).toList();
  }
}
