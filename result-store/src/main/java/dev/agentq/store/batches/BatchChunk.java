package dev.agentq.store.batches;

import java.util.List;

/**
 * The next few hundred lines of an upload, stored in one transaction.
 *
 * @param lines how many lines these are, blank ones included
 */
public record BatchChunk(List<BatchLine> jobs, List<InvalidLine> invalid, int lines) {

  public BatchChunk {
    jobs = List.copyOf(jobs);
    invalid = List.copyOf(invalid);
  }
}
