package dev.agentq.worker.step;

import dev.agentq.worker.WorkerException;
import java.util.UUID;

/**
 * On replay, the agent asked for a different step than the one recorded at that position: its code
 * changed, or it is not deterministic between steps. Running on would mix two different runs.
 */
public final class NonDeterministicReplayException extends WorkerException {
  private static final long serialVersionUID = 1L;

  public NonDeterministicReplayException(UUID jobId, int seq, String recorded, String requested) {
    super(
        "nondeterministic_replay",
        "job "
            + jobId
            + " replayed step "
            + seq
            + " as '"
            + requested
            + "' but it was recorded as '"
            + recorded
            + "'; agent code must take the same steps in the same order on every attempt",
        false);
  }
}
