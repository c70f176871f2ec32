package dev.agentq.worker.run;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.ContractViolationException;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.store.LeaseLostException;
import dev.agentq.store.Outcome;
import dev.agentq.worker.WorkerException;
import dev.agentq.worker.agent.Agent;
import dev.agentq.worker.agent.AgentRegistry;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.step.DurableJobContext;
import dev.agentq.worker.step.JobInterruptedException;
import dev.agentq.worker.step.StopReason;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/** Runs one claimed attempt of a job to its end: success, failure, or a stop at a step boundary. */
public final class JobRunner {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final AgentRegistry agents;
  private final JobStore store;
  private final ModelGateway model;
  private final Clock clock;

  public JobRunner(AgentRegistry agents, JobStore store, ModelGateway model, Clock clock) {
    this.agents = agents;
    this.store = store;
    this.model = model;
    this.clock = clock;
  }

  /**
   * Runs {@code job}, which this worker has just claimed.
   *
   * @param stopReason asked before each new step; non-null makes the job stop there
   */
  public void run(Job job, Supplier<StopReason> stopReason) {
    MDC.put("job_id", job.id().toString());
    MDC.put("tenant", job.tenantId());
    var context =
        new DurableJobContext(job, store.checkpoints(job.id()), store, model, clock, stopReason);
    try {
      Agent agent =
          agents
              .find(job.agent())
              .orElseThrow(
                  () ->
                      new WorkerException(
                          "unknown_agent",
                          "this worker has no agent '" + job.agent() + "'",
                          false));
      JsonNode output = agent.run(context);
      requireOutputSchema(job.agent(), output);
      store.finish(job.id(), job.attempt(), new Outcome.Succeeded(output, context.lastModel()));
      log.info("job {} succeeded on attempt {}", job.id(), job.attempt());
    } catch (LeaseLostException e) {
      log.warn(e.getMessage());
    } catch (JobInterruptedException e) {
      // Give the job back at once; a no-op if the lease is already someone else's.
      if (store.release(job.id(), job.attempt(), e.reason().code())) {
        log.info("{}; released it to be resumed from its last checkpoint", e.getMessage());
      }
    } catch (WorkerException e) {
      fail(job, new ErrorInfo(e.code(), e.getMessage(), e.retryable(), context.currentStep()));
    } catch (RuntimeException e) {
      log.error(
          "job {} failed with an unexpected error in step {}", job.id(), context.currentStep(), e);
      fail(
          job,
          new ErrorInfo(
              "agent_error",
              "the agent failed unexpectedly (" + e.getClass().getSimpleName() + ")",
              false,
              context.currentStep()));
    } finally {
      MDC.remove("job_id");
      MDC.remove("tenant");
    }
  }

  private static void requireOutputSchema(String agent, JsonNode output) {
    var entry = AgentCatalog.find(agent).orElseThrow();
    try {
      JsonSchemas.get().require(entry.outputSchema(), output);
    } catch (ContractViolationException e) {
      throw new WorkerException(
          "invalid_output",
          "the agent's output breaks its schema: " + e.violations().getFirst(),
          false);
    }
  }

  private void fail(Job job, ErrorInfo error) {
    try {
      store.finish(job.id(), job.attempt(), new Outcome.Failed(error));
      log.error(
          "job {} failed for good in step {}: {} ({})",
          job.id(),
          error.step(),
          error.message(),
          error.code());
    } catch (LeaseLostException e) {
      log.warn(e.getMessage());
    }
  }
}
