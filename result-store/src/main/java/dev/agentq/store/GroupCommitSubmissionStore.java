package dev.agentq.store;

import dev.agentq.store.batch.Batcher;
import java.time.Duration;
import java.util.List;

/**
 * A {@link SubmissionStore} that coalesces concurrent submissions into one transaction each flush
 * (group commit), so that a thousand clients submitting at once cost a few commits. Each call still
 * returns once its own submission is committed.
 */
public final class GroupCommitSubmissionStore implements SubmissionStore, AutoCloseable {
  private static final int MAX_BATCH = 200;

  private final SubmissionStore store;
  private final Batcher<Item, Submitted> submits;

  private record Item(Submission submission, Duration keyLifetime) {}

  public GroupCommitSubmissionStore(SubmissionStore store, int flushers) {
    this.store = store;
    this.submits = new Batcher<>("submissions", this::flush, MAX_BATCH, flushers);
  }

  private List<Submitted> flush(List<Item> items) {
    // One key lifetime per deployment; the first item's stands for the batch.
    return store.submitAll(
        items.stream().map(Item::submission).toList(), items.getFirst().keyLifetime());
  }

  @Override
  public Submitted submit(Submission submission, Duration keyLifetime) {
    return submits.submit(new Item(submission, keyLifetime));
  }

  @Override
  public List<Submitted> submitAll(List<Submission> submissions, Duration keyLifetime) {
    return store.submitAll(submissions, keyLifetime);
  }

  @Override
  public void close() {
    submits.close();
  }
}
