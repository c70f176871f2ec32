package dev.agentq.worker.step;

import dev.agentq.store.StepWrite;

/** Makes checkpoints durable. */
public interface CheckpointWriter {

  /**
   * Returns once the checkpoint is committed.
   *
   * @throws dev.agentq.store.LeaseLostException if its attempt no longer holds the job
   */
  void write(StepWrite write);
}
