package dev.agentq.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import org.slf4j.MDC;

/**
 * The API's and the worker's one door to OpenTelemetry: spans continued from a W3C {@code
 * traceparent} (a client's header, an outbox message's, a Kafka record's), spans under the current
 * one, the {@code traceparent} of the span in scope, and the log context ({@code trace_id}, {@code
 * span_id}) of the span in scope. Over {@link OpenTelemetry#noop()} every span is a cheap no-op, so
 * callers never check whether tracing is on.
 */
public final class Tracing {
  /** W3C trace context header, in Kafka records and HTTP requests alike. */
  public static final String TRACEPARENT = "traceparent";

  private static final TextMapGetter<String> TRACEPARENT_ONLY =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
          return TRACEPARENT.equals(key) ? carrier : null;
        }
      };

  private final Tracer tracer;

  public Tracing(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer("dev.agentq");
  }

  /** Tracing off: every span is a no-op. */
  public static Tracing off() {
    return new Tracing(OpenTelemetry.noop());
  }

  /** A span builder under {@code traceparent} (a new trace if it is null or malformed). */
  public SpanBuilder continueFrom(String traceparent, String name, SpanKind kind) {
    Context parent =
        traceparent == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), traceparent, TRACEPARENT_ONLY);
    return tracer.spanBuilder(name).setParent(parent).setSpanKind(kind);
  }

  /** A span builder under the span in scope. */
  public SpanBuilder child(String name, SpanKind kind) {
    return tracer.spanBuilder(name).setSpanKind(kind);
  }

  /** The {@code traceparent} of the span in scope on this thread, or null. */
  public static String currentTraceparent() {
    return traceparent(Span.current());
  }

  /** The W3C {@code traceparent} of {@code span}, or null if it is not recorded anywhere. */
  public static String traceparent(Span span) {
    SpanContext context = span.getSpanContext();
    if (!context.isValid()) {
      return null;
    }
    return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags();
  }

  /**
   * Makes {@code span} current and puts its ids in the log context until the returned scope closes,
   * which restores what was there before.
   */
  public static Scope enter(Span span) {
    Scope scope = span.makeCurrent();
    SpanContext context = span.getSpanContext();
    if (!context.isValid()) {
      return scope;
    }
    String traceId = MDC.get("trace_id");
    String spanId = MDC.get("span_id");
    MDC.put("trace_id", context.getTraceId());
    MDC.put("span_id", context.getSpanId());
    return () -> {
      restore("trace_id", traceId);
      restore("span_id", spanId);
      scope.close();
    };
  }

  /** Marks {@code span} failed with {@code failure}'s type and, if given, a stable code. */
  public static void failed(Span span, Throwable failure, String code) {
    span.setStatus(StatusCode.ERROR, code == null ? failure.getClass().getSimpleName() : code);
    span.setAttribute("error.type", code == null ? failure.getClass().getName() : code);
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
