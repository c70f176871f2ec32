package dev.agentq.worker.model.offline;

import dev.agentq.worker.agent.research.ResearchTools;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds research-agent style requests, with the research agent's real tools, in tests. */
final class ToolRequests {
  static final String SYSTEM =
      "You answer questions. Use the tools: search_documents and read_document to find facts in"
          + " the user's documents, calculate for any arithmetic.";

  static final String HANDBOOK =
      """
      Travel policy

      Employees book travel through the travel desk. Expenses over 500 EUR need approval by a \
      manager. Receipts must be submitted within 30 days.

      Remote work is allowed up to three days a week. The office is closed on public holidays.
      """;

  static final Map<String, String> DOCUMENTS =
      Map.of("handbook", HANDBOOK, "invoice.txt", Documents.INVOICE);

  private ToolRequests() {}

  /** The tool specifications of the research agent's tools over {@link #DOCUMENTS}. */
  static List<ToolSpecification> researchTools() {
    return ToolSpecifications.toolSpecificationsFrom(new ResearchTools(DOCUMENTS));
  }

  /** The research tools whose names are given, only. */
  static List<ToolSpecification> only(String... names) {
    List<String> wanted = List.of(names);
    return researchTools().stream().filter(t -> wanted.contains(t.name())).toList();
  }

  /** A system message, then {@code messages} (the question last, and what came after it). */
  static ChatRequest request(List<ToolSpecification> tools, ChatMessage... messages) {
    List<ChatMessage> all = new ArrayList<>();
    all.add(SystemMessage.from(SYSTEM));
    all.addAll(List.of(messages));
    return ChatRequest.builder().messages(all).toolSpecifications(tools).build();
  }

  static ToolExecutionRequest call(String id, String name, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
  }

  /** The question, the model's call, and the tool's result, as the runtime sends them. */
  static ChatRequest answered(String question, ToolExecutionRequest call, String result) {
    return request(
        researchTools(),
        UserMessage.from(question),
        AiMessage.from(List.of(call)),
        ToolExecutionResultMessage.from(call, result));
  }

  /** A new question, asked with all of the research tools. */
  static ChatRequest question(String question) {
    return request(researchTools(), UserMessage.from(question));
  }
}
