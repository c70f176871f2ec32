package dev.agentq.worker.step;

import dev.agentq.store.JobStore;
import dev.agentq.store.StepWrite;

/** Checkpoints through the job store, which group-commits those of concurrent jobs. */
public final class DirectCheckpointWriter implements CheckpointWriter {
  private final JobStore store;

  public DirectCheckpointWriter(JobStore store) {
    this.store = store;
  }

  @Override
  public void write(StepWrite write) {
    store.recordStep(write.jobId(), write.attempt(), write.checkpoint());
  }

  @Override
  public java.util.concurrent.CompletableFuture<Void> writeLater(StepWrite write) {
    return store.recordStepLater(write.jobId(), write.attempt(), write.checkpoint());
  }
}
