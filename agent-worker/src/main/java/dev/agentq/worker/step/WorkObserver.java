package dev.agentq.worker.step;

import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;

/**
 * Watches the work of one attempt for traces and metrics: each step, model call and tool call that
 * runs, and each that is replayed from its checkpoint instead.
 */
public interface WorkObserver {
  WorkObserver NONE = new WorkObserver() {};

  /** Work that is about to run on this thread; the returned observation ends with it. */
  default Observation started(Checkpoint.Kind kind, String name) {
    return Observation.NONE;
  }

  /** Work whose recorded output was returned without running it. */
  default void replayed(Checkpoint.Kind kind, String name) {}

  /** A model call that ran (not one replayed) spent {@code usage} of {@code model}. */
  default void spent(String model, Usage usage) {}

  /** One piece of work running. */
  interface Observation {
    Observation NONE = failure -> {};

    /**
     * @param failure what it failed with, or null
     */
    void ended(Throwable failure);
  }
}
