package dev.agentq.worker.run;

import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.telemetry.Tracing;
import dev.agentq.worker.WorkerException;
import dev.agentq.worker.metrics.WorkerMetrics;
import dev.agentq.worker.step.WorkObserver;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.time.Duration;

/**
 * Spans and metrics of one attempt's work: a span per step and per tool call (model calls get
 * theirs from the gateway), durations, checkpoint hits and the tokens each model call spent.
 */
final class AttemptObserver implements WorkObserver {
  private final Job job;
  private final Tracing tracing;
  private final WorkerMetrics metrics;

  AttemptObserver(Job job, Tracing tracing, WorkerMetrics metrics) {
    this.job = job;
    this.tracing = tracing;
    this.metrics = metrics;
  }

  @Override
  public Observation started(Checkpoint.Kind kind, String name) {
    long started = System.nanoTime();
    Span span =
        switch (kind) {
          case STEP ->
              tracing
                  .child("step " + name, SpanKind.INTERNAL)
                  .setAttribute("agentq.step.name", name)
                  .setAttribute("agentq.job.id", job.id().toString())
                  .startSpan();
          case TOOL ->
              tracing
                  .child("execute_tool " + name, SpanKind.INTERNAL)
                  .setAttribute("gen_ai.operation.name", "execute_tool")
                  .setAttribute("gen_ai.tool.name", name)
                  .startSpan();
          default -> null;
        };
    Scope scope = span == null ? null : Tracing.enter(span);
    return failure -> {
      metrics.workEnded(job.agent(), kind.wire(), Duration.ofNanos(System.nanoTime() - started));
      if (span != null) {
        if (failure != null) {
          Tracing.failed(span, failure, failure instanceof WorkerException e ? e.code() : null);
        }
        scope.close();
        span.end();
      }
    };
  }

  @Override
  public void replayed(Checkpoint.Kind kind, String name) {
    metrics.checkpointHit(job.agent(), kind.wire());
  }

  @Override
  public void spent(String model, Usage usage) {
    metrics.tokens(job, model, usage);
  }
}
