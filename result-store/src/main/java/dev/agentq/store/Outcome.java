package dev.agentq.store;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import tools.jackson.databind.JsonNode;

/** How an attempt ended a job. */
public sealed interface Outcome {

  JobState state();

  /**
   * The agent returned {@code output}; {@code model} is the model that produced it. {@code
   * conversation}, when not null, replaces the messages of the job's thread in the same
   * transaction.
   */
  record Succeeded(JsonNode output, String model, JsonNode conversation) implements Outcome {
    public Succeeded(JsonNode output, String model) {
      this(output, model, null);
    }

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

  /** The job stopped because its cancellation was asked for. */
  record Cancelled() implements Outcome {
    @Override
    public JobState state() {
      return JobState.CANCELLED;
    }
  }
}
