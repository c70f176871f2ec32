package dev.agentq.worker.run;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.ContractViolationException;
import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.store.LeaseLostException;
import dev.agentq.store.Outcome;
import dev.agentq.store.StoreException;
import dev.agentq.telemetry.Tracing;
import dev.agentq.worker.WorkerException;
import dev.agentq.worker.agent.Agent;
import dev.agentq.worker.agent.AgentRegistry;
import dev.agentq.worker.metrics.WorkerMetrics;
import dev.agentq.worker.model.ModelException;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.model.RetryPolicy;
import dev.agentq.worker.step.CheckpointWriter;
import dev.agentq.worker.step.DurableJobContext;
import dev.agentq.worker.step.JobControl;
import dev.agentq.worker.step.JobInterruptedException;
import dev.agentq.worker.step.StepLimits;
import dev.agentq.worker.step.StopReason;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Runs one claimed attempt of a job to its end: success; a failure that is retried later, with
 * backoff, while attempts remain; a failure for good; or a stop at a step boundary (released, lost
 * or cancelled).
 */
public final class JobRunner {
  private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

  private final AgentRegistry agents;
  private final JobStore store;
  private final CheckpointWriter writer;
  private final ModelGateway model;
  private final Clock clock;
  private final StepLimits limits;
  private final RetryPolicy jobRetries;
  private final WorkerMetrics metrics;
  private final RandomGenerator random;
  private final Tracing tracing;

  public JobRunner(
      AgentRegistry agents,
      JobStore store,
      CheckpointWriter writer,
      ModelGateway model,
      Clock clock,
      StepLimits limits,
      RetryPolicy jobRetries,
      WorkerMetrics metrics,
      RandomGenerator random) {
    this(agents, store, writer, model, clock, limits, jobRetries, metrics, random, Tracing.off());
  }

  public JobRunner(
      AgentRegistry agents,
      JobStore store,
      CheckpointWriter writer,
      ModelGateway model,
      Clock clock,
      StepLimits limits,
      RetryPolicy jobRetries,
      WorkerMetrics metrics,
      RandomGenerator random,
      Tracing tracing) {
    this.agents = agents;
    this.store = store;
    this.writer = writer;
    this.model = model;
    this.clock = clock;
    this.limits = limits;
    this.jobRetries = jobRetries;
    this.metrics = metrics;
    this.random = random;
    this.tracing = tracing;
  }

  /** Runs {@code job}, which this worker has just claimed; {@code control} can stop it. */
  public void run(Job job, JobControl control) {
    run(job, control, null);
  }

  /**
   * Runs {@code job} in a span that continues {@code traceparent} (the dispatch message's trace
   * context; null starts a new trace).
   */
  public void run(Job job, JobControl control, String traceparent) {
    Span span =
        tracing
            .continueFrom(traceparent, "run " + job.agent(), SpanKind.CONSUMER)
            .setAttribute("agentq.job.id", job.id().toString())
            .setAttribute("agentq.tenant", job.tenantId())
            .setAttribute("agentq.agent", job.agent())
            .setAttribute("agentq.lane", job.lane().wire())
            .setAttribute("agentq.job.attempt", job.attempt())
            .startSpan();
    Scope scope = Tracing.enter(span);
    try {
      String ended = runInSpan(job, control);
      span.setAttribute("agentq.job.outcome", ended);
      if (ended.equals("failed")) {
        span.setStatus(StatusCode.ERROR, "failed");
      }
    } finally {
      scope.close();
      span.end();
    }
  }

  private String runInSpan(Job job, JobControl control) {
    MDC.put("job_id", job.id().toString());
    MDC.put("tenant", job.tenantId());
    Instant started = clock.instant();
    var context =
        new DurableJobContext(
            job,
            // attempt 1 is the first claim ever, so nothing can have been checkpointed yet
            job.attempt() == 1 ? List.of() : store.checkpoints(job.id()),
            writer,
            store,
            model,
            clock,
            limits,
            control,
            tool -> metrics.toolRefused(job.agent(), tool),
            new AttemptObserver(job, tracing, metrics));
    String ended;
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
      store.finish(
          job.id(),
          job.attempt(),
          new Outcome.Succeeded(output, context.lastModel(), context.conversationToSave()));
      log.info("job {} succeeded on attempt {}", job.id(), job.attempt());
      ended = "succeeded";
    } catch (LeaseLostException e) {
      log.warn(e.getMessage());
      ended = "lost";
    } catch (StoreException e) {
      // Postgres is out of reach: nothing more can be recorded. The lease lapses and the job
      // resumes from its last checkpoint once the reaper, on a worker that reaches Postgres, sees
      // it.
      log.warn(
          "job {} stopped: its checkpoint could not be written ({}); it resumes after its lease"
              + " expires",
          job.id(),
          e.getMessage());
      ended = "stopped";
    } catch (JobInterruptedException e) {
      ended = stopped(job, e.reason());
    } catch (RuntimeException e) {
      StopReason stop = control.stopReason();
      ended =
          stop != null
              ? stopped(job, stop)
              : e instanceof WorkerException failure
                  ? failed(job, failure, context.currentStep())
                  : failed(job, unexpected(job, e, context.currentStep()), context.currentStep());
    } finally {
      MDC.remove("job_id");
      MDC.remove("tenant");
    }
    metrics.jobEnded(job, ended, Duration.between(started, clock.instant()));
    return ended;
  }

  private static WorkerException unexpected(Job job, RuntimeException e, String step) {
    log.error("job {} failed with an unexpected error in '{}'", job.id(), step, e);
    return new WorkerException(
        "agent_error",
        "the agent failed unexpectedly (" + e.getClass().getSimpleName() + ")",
        false,
        e);
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

  /** Stopped at a boundary: cancelled for good, or handed back to be resumed. */
  private String stopped(Job job, StopReason reason) {
    Thread.interrupted();
    try {
      if (reason == StopReason.CANCELLED) {
        store.finish(job.id(), job.attempt(), new Outcome.Cancelled());
        log.info("job {} cancelled on attempt {}", job.id(), job.attempt());
        return "cancelled";
      }
      if (store.release(job.id(), job.attempt(), reason.code())) {
        log.info(
            "job {} stopped before its next step ({}); released to be resumed from its last"
                + " checkpoint",
            job.id(),
            reason.description());
      }
      return "released";
    } catch (LeaseLostException e) {
      log.warn(e.getMessage());
      return "lost";
    }
  }

  /** Retried later while attempts remain and a retry may help; else failed for good. */
  private String failed(Job job, WorkerException failure, String step) {
    ErrorInfo error =
        new ErrorInfo(failure.code(), failure.getMessage(), failure.retryable(), step);
    if (failure instanceof ModelException) {
      metrics.modelError(job.agent(), model.modelName(), failure.code());
    }
    try {
      if (failure.retryable() && job.attempt() < job.maxAttempts()) {
        Duration wait = jobRetries.backoff(job.attempt(), random);
        if (failure instanceof ModelException model && model.retryAfter().isPresent()) {
          wait = model.retryAfter().get().compareTo(wait) > 0 ? model.retryAfter().get() : wait;
        }
        if (store.retryLater(job.id(), job.attempt(), error, clock.instant().plus(wait))) {
          log.warn(
              "job {} failed in '{}' ({}), will retry in {} s, attempt {} of {}",
              job.id(),
              step,
              failure.code(),
              wait.toSeconds(),
              job.attempt() + 1,
              job.maxAttempts());
        }
        return "retrying";
      }
      store.finish(job.id(), job.attempt(), new Outcome.Failed(error));
      metrics.deadLetter("job_failed");
      log.error(
          "job {} failed for good in '{}' on attempt {} of {}: {} ({})",
          job.id(),
          step,
          job.attempt(),
          job.maxAttempts(),
          error.message(),
          error.code());
      return "failed";
    } catch (LeaseLostException e) {
      log.warn(e.getMessage());
      return "lost";
    }
  }
}
