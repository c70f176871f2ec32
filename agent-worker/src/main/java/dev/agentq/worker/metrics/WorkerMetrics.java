package dev.agentq.worker.metrics;

import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Job;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The worker's series, as Prometheus shows them: {@code agentq_worker_inflight}, {@code
 * agentq_worker_capacity}, {@code agentq_worker_lane_inflight{lane}}, {@code
 * agentq_queue_depth{lane}}, {@code agentq_jobs_total{status,agent,lane}}, {@code
 * agentq_job_duration_seconds{status,agent}}, {@code agentq_step_duration_seconds{agent,kind}},
 * {@code agentq_checkpoint_hits_total{agent,kind}}, {@code
 * agentq_tokens_total{model,agent,tenant,kind}}, {@code agentq_cost_usd_total{model,agent,tenant}},
 * {@code agentq_model_errors_total{model,code,agent}}, {@code
 * agentq_tool_refusals_total{agent,tool}}, {@code agentq_webhook_attempts_total{event,outcome}} and
 * {@code agentq_dead_letters_total{reason}}.
 */
public final class WorkerMetrics {
  private static final Duration QUEUE_DEPTH_TTL = Duration.ofSeconds(5);

  private final MeterRegistry registry;
  private final Map<String, ModelPrice> prices;

  public WorkerMetrics(MeterRegistry registry) {
    this(registry, Map.of());
  }

  /**
   * @param prices price per model name; a model without one has tokens but no cost
   */
  public WorkerMetrics(MeterRegistry registry, Map<String, ModelPrice> prices) {
    this.registry = registry;
    this.prices = Map.copyOf(prices);
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

  /** Gauges of the jobs this worker runs per lane. */
  public void bindLanes(ToIntFunction<Lane> inflight) {
    for (Lane lane : Lane.values()) {
      Gauge.builder("agentq.worker.lane.inflight", () -> inflight.applyAsInt(lane))
          .description("jobs of a lane this worker is running")
          .tag("lane", lane.wire())
          .register(registry);
    }
  }

  /**
   * Gauges of the jobs queued per lane (every tenant's, waiting for a worker), asked of {@code
   * depth} at most every few seconds however often Prometheus scrapes.
   */
  public void bindQueueDepth(Supplier<Map<Lane, Long>> depth) {
    var cached = new CachedDepth(depth);
    for (Lane lane : Lane.values()) {
      Gauge.builder("agentq.queue.depth", () -> cached.get().getOrDefault(lane, 0L))
          .description("jobs queued, waiting for a worker")
          .tag("lane", lane.wire())
          .register(registry);
    }
  }

  private static final class CachedDepth {
    private final Supplier<Map<Lane, Long>> source;
    private Map<Lane, Long> last = Map.of();
    private long readAt = Long.MIN_VALUE;

    CachedDepth(Supplier<Map<Lane, Long>> source) {
      this.source = source;
    }

    synchronized Map<Lane, Long> get() {
      long now = System.nanoTime();
      if (readAt == Long.MIN_VALUE || now - readAt > QUEUE_DEPTH_TTL.toNanos()) {
        try {
          last = source.get();
        } catch (RuntimeException e) {
          // Postgres out of reach: the last value stands; readiness reports the outage
        }
        readAt = now;
      }
      return last;
    }
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

  /**
   * Tokens one model call spent (replayed calls are not counted again), and their cost if the model
   * has a price.
   */
  public void tokens(Job job, String model, Usage usage) {
    tokens(job, model, "input", usage.inputTokens());
    tokens(job, model, "output", usage.outputTokens());
    ModelPrice price = model == null ? null : prices.get(model);
    if (price != null && usage.inputTokens() + usage.outputTokens() > 0) {
      Counter.builder("agentq.cost.usd")
          .description("what model calls cost, in US dollars, from agentq.model.prices")
          .tag("model", model)
          .tag("agent", job.agent())
          .tag("tenant", job.tenantId())
          .register(registry)
          .increment(price.cost(usage.inputTokens(), usage.outputTokens()));
    }
  }

  /** A step, model call or tool call ran ({@code kind}: step, model, tool). */
  public void workEnded(String agent, String kind, Duration took) {
    Timer.builder("agentq.step.duration")
        .description("time a step, model call or tool call took to run and be checkpointed")
        .tag("agent", agent)
        .tag("kind", kind)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  /** A step, model call or tool call was replayed from its checkpoint instead of running. */
  public void checkpointHit(String agent, String kind) {
    Counter.builder("agentq.checkpoint.hits")
        .description("work replayed from its checkpoint after a retry or a crash")
        .tag("agent", agent)
        .tag("kind", kind)
        .register(registry)
        .increment();
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

  public void modelError(String agent, String model, String code) {
    Counter.builder("agentq.model.errors")
        .description("model calls that failed for good")
        .tag("model", model == null ? "none" : model)
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
