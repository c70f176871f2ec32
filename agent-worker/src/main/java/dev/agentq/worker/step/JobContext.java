package dev.agentq.worker.step;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What an agent sees of its job. Every piece of work with an effect or a cost goes through {@link
 * #step}: a step that finished in an earlier attempt is not run again, its recorded output is
 * returned instead.
 *
 * <p>Agent code is therefore run again from the top after a crash, and must be deterministic
 * between steps: the same input and the same step outputs must lead to the same steps, with the
 * same names, in the same order (as in Temporal and Inngest). Read clocks, random numbers and the
 * outside world only inside steps.
 */
public interface JobContext {

  UUID jobId();

  String tenant();

  /** The attempt running now, from 1. */
  int attempt();

  /** The job's input, as submitted and validated against the agent's input schema. */
  JsonNode input();

  /**
   * Runs {@code body} as the next step named {@code name}, or returns its checkpointed output if an
   * earlier attempt finished it.
   *
   * @throws NonDeterministicReplayException if the recorded step at this position has another name
   */
  <T> T step(String name, Class<T> type, StepBody<T> body);
}
