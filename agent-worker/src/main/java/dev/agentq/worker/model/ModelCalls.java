package dev.agentq.worker.model;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Usage;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A model's answer as a checkpoint records it, and back: replay returns the same answer. */
public final class ModelCalls {
  private ModelCalls() {}

  public static JsonNode toJson(ChatResponse response) {
    ObjectNode node = Json.object();
    AiMessage message = response.aiMessage();
    node.put("text", message == null ? null : message.text());
    ArrayNode calls = node.putArray("tool_calls");
    if (message != null && message.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : message.toolExecutionRequests()) {
        calls
            .addObject()
            .put("id", call.id())
            .put("name", call.name())
            .put("arguments", call.arguments());
      }
    }
    node.put("model", response.modelName());
    node.put(
        "finish_reason", response.finishReason() == null ? null : response.finishReason().name());
    Usage usage = usage(response);
    node.put("input_tokens", usage.inputTokens());
    node.put("output_tokens", usage.outputTokens());
    return node;
  }

  public static ChatResponse fromJson(JsonNode node) {
    List<ToolExecutionRequest> calls = new ArrayList<>();
    for (JsonNode call : node.path("tool_calls")) {
      calls.add(
          ToolExecutionRequest.builder()
              .id(call.path("id").asString(null))
              .name(call.path("name").asString())
              .arguments(call.path("arguments").asString("{}"))
              .build());
    }
    String text = node.path("text").isString() ? node.path("text").asString() : null;
    AiMessage message =
        calls.isEmpty()
            ? AiMessage.from(text == null ? "" : text)
            : text == null ? AiMessage.from(calls) : AiMessage.from(text, calls);
    String finish = node.path("finish_reason").asString(null);
    return ChatResponse.builder()
        .aiMessage(message)
        .modelName(node.path("model").asString(null))
        .finishReason(finish == null ? null : FinishReason.valueOf(finish))
        .tokenUsage(
            new TokenUsage(
                (int) node.path("input_tokens").asLong(0),
                (int) node.path("output_tokens").asLong(0)))
        .build();
  }

  /** Tokens of a response; zero when the provider did not say. */
  public static Usage usage(ChatResponse response) {
    TokenUsage usage = response.tokenUsage();
    if (usage == null) {
      return Usage.NONE;
    }
    return new Usage(
        usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
        usage.outputTokenCount() == null ? 0 : usage.outputTokenCount());
  }
}
