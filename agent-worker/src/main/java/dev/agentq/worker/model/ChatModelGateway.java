package dev.agentq.worker.model;

import dev.agentq.schemas.Json;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * A {@link ModelGateway} over any LangChain4j {@link ChatModel}: the OpenAI-compatible client, or
 * the offline model. One call, no retries; provider errors become {@link ModelException}s with
 * stable codes, and say whether a retry may help.
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
  public ChatResponse chat(ChatRequest request, Instant deadline) {
    try {
      return model.chat(structuredOutputs ? request : JsonModeFallback.adapt(request));
    } catch (ModelCallInterruptedException e) {
      throw e;
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted() || causedBy(e, InterruptedException.class)) {
        throw new ModelCallInterruptedException(e);
      }
      throw translate(e);
    }
  }

  static ModelException translate(RuntimeException e) {
    ModelCallInterruptedException interrupted = find(e, ModelCallInterruptedException.class);
    if (interrupted != null) {
      throw interrupted;
    }
    ProviderHttpException http = find(e, ProviderHttpException.class);
    Duration retryAfter = http == null ? null : http.retryAfter().orElse(null);
    String detail = detail(e);
    return switch (e) {
      case RateLimitException r ->
          new ModelException("model_rate_limited", detail, true, retryAfter, e);
      case TimeoutException t -> new ModelException("model_timeout", detail, true, e);
      case InternalServerException i ->
          new ModelException("model_unavailable", detail, true, retryAfter, e);
      case AuthenticationException a -> new ModelException("model_auth_failed", detail, false, e);
      case ModelNotFoundException m -> new ModelException("model_not_found", detail, false, e);
      case ContentFilteredException c ->
          new ModelException("model_content_filtered", detail, false, e);
      case InvalidRequestException i ->
          new ModelException("model_rejected_request", detail, false, e);
      case UnresolvedModelServerException u ->
          new ModelException("model_unreachable", detail, true, e);
      case HttpException h ->
          new ModelException(
              "model_http_" + h.statusCode(), detail, h.statusCode() >= 500, retryAfter, e);
      default ->
          causedBy(e, HttpTimeoutException.class)
              ? new ModelException("model_timeout", detail, true, e)
              : causedBy(e, IOException.class)
                  ? new ModelException("model_connection_failed", detail, true, e)
                  : new ModelException("model_error", detail, false, e);
    };
  }

  /** The provider's own words when it gave any (an OpenAI error body), else the exception's. */
  private static String detail(RuntimeException e) {
    HttpException http = find(e, HttpException.class);
    String message = http != null ? http.getMessage() : e.getMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    try {
      var body = Json.parse(message);
      if (body.path("error").path("message").isString()) {
        return body.path("error").path("message").asString();
      }
    } catch (RuntimeException notJson) {
      // a plain-text message is fine as it is
    }
    return Json.redact(message);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    return find(e, type) != null;
  }

  private static <T extends Throwable> T find(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }
}
