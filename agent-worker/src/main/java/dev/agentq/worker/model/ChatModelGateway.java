package dev.agentq.worker.model;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * A {@link ModelGateway} over any LangChain4j {@link ChatModel}: the OpenAI-compatible client, or
 * the offline model. Provider errors become {@link ModelException}s with stable codes.
 */
public final class ChatModelGateway implements ModelGateway {
  private final ChatModel model;
  private final String modelName;
  private final boolean structuredOutputs;

  /**
   * @param structuredOutputs whether the provider accepts a JSON schema as response format; if not,
   *     the schema goes into the instructions and plain JSON mode is asked for
   */
  public ChatModelGateway(ChatModel model, String modelName, boolean structuredOutputs) {
    this.model = model;
    this.modelName = modelName;
    this.structuredOutputs = structuredOutputs;
  }

  @Override
  public String modelName() {
    return modelName;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    try {
      return model.chat(structuredOutputs ? request : JsonModeFallback.adapt(request));
    } catch (LangChain4jException e) {
      throw translate(e);
    }
  }

  static ModelException translate(LangChain4jException e) {
    String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return switch (e) {
      case RateLimitException r -> new ModelException("model_rate_limited", detail, true, e);
      case TimeoutException t -> new ModelException("model_timeout", detail, true, e);
      case InternalServerException i -> new ModelException("model_unavailable", detail, true, e);
      case AuthenticationException a -> new ModelException("model_auth_failed", detail, false, e);
      case ModelNotFoundException m -> new ModelException("model_not_found", detail, false, e);
      case ContentFilteredException c ->
          new ModelException("model_content_filtered", detail, false, e);
      case InvalidRequestException i ->
          new ModelException("model_rejected_request", detail, false, e);
      case HttpException h ->
          new ModelException("model_http_" + h.statusCode(), detail, h.statusCode() >= 500, e);
      default -> new ModelException("model_error", detail, true, e);
    };
  }
}
