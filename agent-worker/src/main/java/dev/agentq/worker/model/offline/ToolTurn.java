package dev.agentq.worker.model.offline;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tool-use state of a request: its declared tools, the question, and the results since it.
 *
 * @param tools the declared tools, by name
 * @param question the last user message's text, collapsed; "" if there is none
 * @param results the tool results that follow the last user message, in order
 * @param callsSoFar the tool calls that the conversation's AI messages made
 */
record ToolTurn(
    Map<String, ToolSpecification> tools,
    String question,
    List<ToolExecutionResultMessage> results,
    int callsSoFar) {
  /** Questions beyond this many characters are only read this far. */
  static final int MAX_QUESTION_CHARS = 4_000;

  static ToolTurn of(ChatRequest request) {
    Map<String, ToolSpecification> tools = new LinkedHashMap<>();
    if (request.toolSpecifications() != null) {
      for (ToolSpecification tool : request.toolSpecifications()) {
        if (tool != null && tool.name() != null) {
          tools.putIfAbsent(tool.name(), tool);
        }
      }
    }
    String question = "";
    List<ToolExecutionResultMessage> results = new ArrayList<>();
    int calls = 0;
    for (ChatMessage message : request.messages()) {
      switch (message) {
        case UserMessage user -> {
          question = RequestView.userText(user);
          results.clear();
        }
        case ToolExecutionResultMessage result -> results.add(result);
        case AiMessage ai when ai.hasToolExecutionRequests() ->
            calls += ai.toolExecutionRequests().size();
        default -> {}
      }
    }
    question = Texts.collapse(Texts.sanitize(Texts.clip(question, MAX_QUESTION_CHARS)));
    return new ToolTurn(Map.copyOf(tools), question, List.copyOf(results), calls);
  }

  /** Whether the question is still to be worked on: there is one, and no results follow it. */
  boolean isNewQuestion() {
    return !question.isEmpty() && results.isEmpty();
  }

  /**
   * The parameter of a declared tool to pass the text in: {@code preferred} if the tool has it,
   * else the tool's only parameter; null if the tool is not declared or has no such parameter.
   */
  String parameterName(String tool, String preferred) {
    ToolSpecification specification = tools.get(tool);
    JsonObjectSchema parameters = specification == null ? null : specification.parameters();
    if (parameters == null || parameters.properties() == null) {
      return null;
    }
    Set<String> names = parameters.properties().keySet();
    if (names.contains(preferred)) {
      return preferred;
    }
    return names.size() == 1 ? names.iterator().next() : null;
  }
}
