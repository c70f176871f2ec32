package dev.agentq.worker.step;

import dev.agentq.schemas.Json;
import dev.agentq.worker.model.InvalidModelOutputException;
import dev.agentq.worker.model.StructuredOutput;
import dev.agentq.worker.tool.ToolBox;
import dev.agentq.worker.tool.ToolOutcome;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The {@link StepScope} of a running step: every call goes through the context's recorder. */
final class Scope implements StepScope {
  private final DurableJobContext context;
  private final StepLimits limits;
  private final String callName;

  Scope(DurableJobContext context, StepLimits limits) {
    this.context = context;
    this.limits = limits;
    this.callName = context.currentStep() + "/model";
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
    return context.modelCall(callName, request);
  }

  @Override
  public <T> T chatJson(ChatRequest request, Class<T> type) {
    ChatRequest current = request;
    for (int repair = 0; ; repair++) {
      ChatResponse response = chat(current);
      try {
        return StructuredOutput.read(response, type);
      } catch (InvalidModelOutputException e) {
        if (repair >= limits.maxRepairs()) {
          throw e;
        }
        List<ChatMessage> messages = new ArrayList<>(current.messages());
        messages.add(response.aiMessage());
        messages.add(
            UserMessage.from(
                "That reply could not be used: "
                    + e.getMessage()
                    + ". Reply again with only the JSON object, matching the schema."));
        current = current.toBuilder().messages(messages).build();
      }
    }
  }

  @Override
  public ChatResponse chatWithTools(ChatRequest request, ToolBox tools) {
    List<ChatMessage> messages = new ArrayList<>(request.messages());
    int calls = 0;
    while (true) {
      boolean budgetLeft = calls < limits.maxToolCalls();
      ChatRequest.Builder next = request.toBuilder();
      if (budgetLeft) {
        next.messages(messages).toolSpecifications(tools.specifications());
      } else {
        List<ChatMessage> closing = new ArrayList<>(messages);
        closing.add(
            SystemMessage.from(
                "The budget of "
                    + limits.maxToolCalls()
                    + " tool calls is spent: answer now with what you have."));
        next.messages(closing).toolSpecifications(List.of());
      }
      ChatResponse response = chat(next.build());
      AiMessage answer = response.aiMessage();
      if (!budgetLeft || answer == null || !answer.hasToolExecutionRequests()) {
        return response;
      }
      messages.add(answer);
      for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
        String result =
            ++calls > limits.maxToolCalls()
                ? ToolOutcome.refused("the budget of tool calls is spent").text()
                : context
                    .toolCall(call.name(), () -> outcome(tools.execute(call)))
                    .path("text")
                    .asString();
        messages.add(ToolExecutionResultMessage.from(call, result));
      }
    }
  }

  private static JsonNode outcome(ToolOutcome outcome) {
    return Json.object().put("text", outcome.text()).put("refused", outcome.refused());
  }
}
