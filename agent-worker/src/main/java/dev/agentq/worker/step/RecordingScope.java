package dev.agentq.worker.step;

import dev.agentq.schemas.Usage;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.model.StructuredOutput;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** A step's {@link StepScope}: adds up the tokens of its model calls and notes the model. */
final class RecordingScope implements StepScope {
  private final ModelGateway gateway;
  private long inputTokens;
  private long outputTokens;
  private String model;

  RecordingScope(ModelGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    ChatResponse response = gateway.chat(request);
    TokenUsage usage = response.tokenUsage();
    if (usage != null) {
      inputTokens += usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
      outputTokens += usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
    }
    model = response.modelName() != null ? response.modelName() : gateway.modelName();
    return response;
  }

  @Override
  public <T> T chatJson(ChatRequest request, Class<T> type) {
    return StructuredOutput.read(chat(request), type);
  }

  Usage usage() {
    return new Usage(inputTokens, outputTokens);
  }

  String model() {
    return model;
  }
}
