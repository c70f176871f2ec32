package dev.agentq.store;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import tools.jackson.databind.JsonNode;

/** How an attempt ended a job. */
public sealed interface Outcome {

  JobState state();

  /** The agent returned {@code output}; {@code model} is the model that produced it. */
  record Succeeded(JsonNode output, String model) implements Outcome {
    @Override
    public JobState state() {
      return JobState.SUCCEEDED;
    }
  }

  /** The job failed for good. */
  record Failed(ErrorInfo error) implements Outcome {
    @Override
    public JobState state() {
      return JobState.FAILED;
    }
  }
}
