package dev.agentq.worker.agent;

import dev.agentq.worker.step.JobContext;
import tools.jackson.databind.JsonNode;

/**
 * An agent: named work that runs as checkpointed steps through its {@link JobContext}. Its name and
 * the schemas of its input and output are listed in {@link dev.agentq.schemas.AgentCatalog}.
 */
public interface Agent {

  String name();

  /**
   * Runs the job, from the top; finished steps return their recorded output.
   *
   * @return the output, which must conform to the agent's output schema
   */
  JsonNode run(JobContext context);
}
