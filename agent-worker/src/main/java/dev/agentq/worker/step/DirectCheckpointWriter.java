package dev.agentq.worker.step;

import dev.agentq.store.JobStore;
import dev.agentq.store.StepWrite;

/** One transaction per checkpoint. */
public final class DirectCheckpointWriter implements CheckpointWriter {
  private final JobStore store;

  public DirectCheckpointWriter(JobStore store) {
    this.store = store;
  }

  @Override
  public void write(StepWrite write) {
    store.recordStep(write.jobId(), write.attempt(), write.checkpoint());
  }
}
