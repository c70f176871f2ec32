package dev.agentq.worker.model;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/** The one way agents reach a model. */
public interface ModelGateway {

  /** The model's name as results report it, such as {@code gpt-4o-mini}. */
  String modelName();

  /**
   * Sends one chat request.
   *
   * @throws ModelException when the provider fails; {@link ModelException#retryable()} says if
   *     trying again later may work
   */
  ChatResponse chat(ChatRequest request);
}
