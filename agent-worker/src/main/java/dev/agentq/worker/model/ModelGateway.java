package dev.agentq.worker.model;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Instant;

/** The one way agents reach a model. */
public interface ModelGateway {

  /** The model's name as results report it, such as {@code gpt-4o-mini}. */
  String modelName();

  /**
   * Sends one chat request, retrying what is worth retrying until {@code deadline}.
   *
   * @throws ModelException when the provider fails for good; {@link ModelException#retryable()}
   *     says whether running the job again later may work
   * @throws ModelCallInterruptedException when the calling thread is interrupted
   */
  ChatResponse chat(ChatRequest request, Instant deadline);
}
