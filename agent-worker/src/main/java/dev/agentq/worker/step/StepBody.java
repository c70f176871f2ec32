package dev.agentq.worker.step;

/** The work of one step; its result must be serializable to JSON, since it is checkpointed. */
@FunctionalInterface
public interface StepBody<T> {
  T run(StepScope scope);
}
