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

  /**
   * Hands the checkpoint in without waiting; the future completes once it is committed, or fails
   * with a {@link dev.agentq.store.LeaseLostException} if its attempt no longer holds the job.
   */
  java.util.concurrent.CompletableFuture<Void> writeLater(StepWrite write);
}
