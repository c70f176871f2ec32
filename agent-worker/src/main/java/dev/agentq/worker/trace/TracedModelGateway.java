package dev.agentq.worker.trace;

import dev.agentq.schemas.Usage;
import dev.agentq.telemetry.Tracing;
import dev.agentq.worker.WorkerException;
import dev.agentq.worker.model.ModelCalls;
import dev.agentq.worker.model.ModelGateway;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A span per model call, retries included, with the GenAI semantic conventions' attributes: {@code
 * gen_ai.operation.name}, {@code gen_ai.system}, {@code gen_ai.request.model}, {@code
 * gen_ai.response.model} and {@code gen_ai.usage.input_tokens} / {@code output_tokens}. Never the
 * prompt or the answer.
 */
public final class TracedModelGateway implements ModelGateway {
  private final ModelGateway delegate;
  private final Tracing tracing;
  private final String system;

  /**
   * @param system the provider as {@code gen_ai.system} names it, such as {@code openai}
   */
  public TracedModelGateway(ModelGateway delegate, Tracing tracing, String system) {
    this.delegate = delegate;
    this.tracing = tracing;
    this.system = system;
  }

  @Override
  public String modelName() {
    return delegate.modelName();
  }

  @Override
  public ChatResponse chat(ChatRequest request, Instant deadline) {
    String requested =
        request.parameters() != null && request.parameters().modelName() != null
            ? request.parameters().modelName()
            : delegate.modelName();
    Span span =
        tracing
            .child("chat " + requested, SpanKind.CLIENT)
            .setAttribute("gen_ai.operation.name", "chat")
            .setAttribute("gen_ai.system", system)
            .setAttribute("gen_ai.request.model", requested)
            .startSpan();
    Scope scope = Tracing.enter(span);
    try {
      ChatResponse response = delegate.chat(request, deadline);
      Usage usage = ModelCalls.usage(response);
      if (response.modelName() != null) {
        span.setAttribute("gen_ai.response.model", response.modelName());
      }
      if (response.finishReason() != null) {
        span.setAttribute(
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons"),
            List.of(response.finishReason().name().toLowerCase(Locale.ROOT)));
      }
      span.setAttribute("gen_ai.usage.input_tokens", usage.inputTokens());
      span.setAttribute("gen_ai.usage.output_tokens", usage.outputTokens());
      return response;
    } catch (RuntimeException e) {
      Tracing.failed(span, e, e instanceof WorkerException failure ? failure.code() : null);
      throw e;
    } finally {
      scope.close();
      span.end();
    }
  }
}
