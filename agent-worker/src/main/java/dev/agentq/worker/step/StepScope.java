package dev.agentq.worker.step;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * What a step's body may use. Model calls made here are attributed to the step: their tokens and
 * model are recorded in its checkpoint.
 */
public interface StepScope {

  /** Calls the job's model. */
  ChatResponse chat(ChatRequest request);

  /**
   * Calls the model for a structured reply and reads its JSON into {@code type}.
   *
   * @throws dev.agentq.worker.model.InvalidModelOutputException if the reply is not such JSON
   */
  <T> T chatJson(ChatRequest request, Class<T> type);
}
