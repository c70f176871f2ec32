package dev.agentq.worker.metrics;

import dev.agentq.schemas.Usage;
import dev.agentq.store.Job;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * The worker's series, as Prometheus shows them: {@code agentq_worker_inflight}, {@code
 * agentq_worker_capacity}, {@code agentq_jobs_total{status,agent,lane}}, {@code
 * agentq_job_duration_seconds{status,agent}}, {@code agentq_tokens_total{model,agent,tenant,kind}},
 * {@code agentq_model_errors_total{code,agent}}, {@code agentq_tool_refusals_total{agent,tool}},
 * {@code agentq_webhook_attempts_total{event,outcome}} and {@code
 * agentq_dead_letters_total{reason}}.
 */
public final class WorkerMetrics {
  private final MeterRegistry registry;

  public WorkerMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Gauges of the pool, which KEDA divides for saturation. */
  public void bindPool(IntSupplier inflight, int capacity) {
    Gauge.builder("agentq.worker.inflight", inflight::getAsInt)
        .description("jobs this worker is running")
        .register(registry);
    Gauge.builder("agentq.worker.capacity", () -> capacity)
        .description("jobs this worker runs at most at once")
        .register(registry);
  }

  /** A job attempt ended: {@code status} is succeeded, failed, cancelled, retrying or released. */
  public void jobEnded(Job job, String status, Duration took) {
    Counter.builder("agentq.jobs")
        .description("job attempts by how they ended")
        .tag("status", status)
        .tag("agent", job.agent())
        .tag("lane", job.lane().wire())
        .register(registry)
        .increment();
    Timer.builder("agentq.job.duration")
        .description("time from claim to the end of an attempt")
        .tag("status", status)
        .tag("agent", job.agent())
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** Tokens a job spent, counted once when it ends. */
  public void tokens(Job job, String model, Usage usage) {
    tokens(job, model, "input", usage.inputTokens());
    tokens(job, model, "output", usage.outputTokens());
  }

  private void tokens(Job job, String model, String kind, long count) {
    if (count > 0) {
      Counter.builder("agentq.tokens")
          .description("model tokens spent")
          .tag("model", model == null ? "none" : model)
          .tag("agent", job.agent())
          .tag("tenant", job.tenantId())
          .tag("kind", kind)
          .register(registry)
          .increment(count);
    }
  }

  public void modelError(String agent, String code) {
    Counter.builder("agentq.model.errors")
        .description("model calls that failed for good")
        .tag("code", code)
        .tag("agent", agent)
        .register(registry)
        .increment();
  }

  public void toolRefused(String agent, String tool) {
    Counter.builder("agentq.tool.refusals")
        .description("tool calls refused: undeclared tool or arguments that break its schema")
        .tag("agent", agent)
        .tag("tool", tool)
        .register(registry)
        .increment();
  }

  /** One webhook attempt, by event type and what came of it. */
  public void webhookAttempt(String eventType, String outcome) {
    Counter.builder("agentq.webhook.attempts")
        .description("webhook delivery attempts by outcome")
        .tag("event", eventType)
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  public void deadLetter(String reason) {
    Counter.builder("agentq.dead.letters")
        .description("messages and jobs sent to the dead-letter topic")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
