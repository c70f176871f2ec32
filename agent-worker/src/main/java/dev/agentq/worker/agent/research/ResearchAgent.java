package dev.agentq.worker.agent.research;

import dev.agentq.schemas.Json;
import dev.agentq.worker.agent.Agent;
import dev.agentq.worker.step.Conversation;
import dev.agentq.worker.step.JobContext;
import dev.agentq.worker.tool.ToolBox;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code research}: answers a question with tools (a calculator, search and reading over the job's
 * documents) in one checkpointed step whose every model and tool call is checkpointed too. Jobs
 * that share a {@code thread_id} continue one conversation.
 */
public final class ResearchAgent implements Agent {
  public static final String NAME = "research";
  private static final String INSTRUCTIONS =
      "You answer questions. Use the tools: search_documents and read_document to find facts in"
          + " the user's documents, calculate for any arithmetic. Quote the documents you rely on"
          + " by name. Answer briefly.";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JsonNode run(JobContext context) {
    String question = context.input().path("question").asString();
    ToolBox tools = ToolBox.of(new ResearchTools(documents(context.input())));
    Conversation conversation = context.threadId().isPresent() ? context.conversation() : null;

    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(INSTRUCTIONS));
    if (conversation != null) {
      messages.addAll(conversation.messages());
    }
    messages.add(UserMessage.from(question));

    String answer =
        context.step(
            "research",
            String.class,
            scope -> {
              var response =
                  scope.chatWithTools(ChatRequest.builder().messages(messages).build(), tools);
              String text = response.aiMessage() == null ? null : response.aiMessage().text();
              return text == null || text.isBlank() ? "(no answer)" : text;
            });

    if (conversation != null) {
      conversation.add(UserMessage.from(question));
      conversation.add(AiMessage.from(answer));
    }
    return Json.object().put("answer", answer);
  }

  private static Map<String, String> documents(JsonNode input) {
    Map<String, String> documents = new LinkedHashMap<>();
    for (JsonNode document : input.path("documents")) {
      documents.put(document.path("name").asString(), document.path("text").asString());
    }
    return documents;
  }
}
