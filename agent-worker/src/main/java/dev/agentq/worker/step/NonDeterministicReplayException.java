package dev.agentq.worker.step;

import dev.agentq.worker.WorkerException;
import java.util.UUID;

/**
 * On replay, the agent asked for different work than the one recorded at that position: its code
 * changed, or it is not deterministic between steps. Running on would mix two different runs.
 */
public final class NonDeterministicReplayException extends WorkerException {
  private static final long serialVersionUID = 1L;

  /**
   * @param recorded what the checkpoint at {@code seq} is, such as {@code step 'extract'}
   * @param requested what the agent asked for there
   */
  public NonDeterministicReplayException(UUID jobId, int seq, String recorded, String requested) {
    super(
        "nondeterministic_replay",
        "job "
            + jobId
            + " asked for "
            + requested
            + " at position "
            + seq
            + " on replay, but the checkpoint there is "
            + recorded
            + "; agent code must take the same steps in the same order on every attempt",
        false);
  }
}
