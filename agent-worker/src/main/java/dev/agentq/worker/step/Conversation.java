package dev.agentq.worker.step;

import dev.agentq.schemas.Json;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The messages of a conversation thread as one job sees them. It is also a LangChain4j {@link
 * ChatMemoryStore} (for a {@code MessageWindowChatMemory}, say): writes stay with the job and reach
 * Postgres in the same transaction as the job's success, so a job that fails or is retried leaves
 * the thread as it found it.
 */
public final class Conversation implements ChatMemoryStore {
  private final String threadId;
  private List<ChatMessage> messages;

  Conversation(String threadId, JsonNode saved) {
    this.threadId = threadId;
    this.messages =
        saved == null || saved.isNull()
            ? new ArrayList<>()
            : new ArrayList<>(ChatMessageDeserializer.messagesFromJson(Json.write(saved)));
  }

  public String threadId() {
    return threadId;
  }

  public List<ChatMessage> messages() {
    return List.copyOf(messages);
  }

  public void add(ChatMessage message) {
    messages.add(message);
  }

  /** The messages to save when the job succeeds. */
  public JsonNode toJson() {
    return Json.parse(ChatMessageSerializer.messagesToJson(messages));
  }

  @Override
  public List<ChatMessage> getMessages(Object memoryId) {
    return messages();
  }

  @Override
  public void updateMessages(Object memoryId, List<ChatMessage> updated) {
    messages = new ArrayList<>(updated);
  }

  @Override
  public void deleteMessages(Object memoryId) {
    messages = new ArrayList<>();
  }
}
