package dev.agentq.worker.model.offline;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Set;

/**
 * An offline heuristic model: a deterministic, network-free {@link ChatModel} that agentq uses when
 * no OpenAI API key is configured, so that the whole system runs on a laptop. It is <b>not an
 * LLM</b> and understands nothing: it answers the {@code document-digest} agent's structured-output
 * requests with keyword scoring, regular expressions and extractive summarisation.
 *
 * <p>It recognises the JSON schema names {@code document_classification}, {@code document_fields}
 * and {@code document_summary}, and reads the document from the {@code <document>...</document>}
 * part of the last user message (or the whole message). Any other request gets a plain-text
 * extractive summary of the last user message. It never calls tools. The same request always gets
 * the same reply; token usage is estimated at four characters per token. Every response carries the
 * model name {@value #MODEL_NAME}. Instances are stateless and thread-safe.
 */
public final class OfflineChatModel implements ChatModel {
  /** The model name in every response, which marks replies as heuristic, not an LLM's. */
  public static final String MODEL_NAME = "offline-heuristic-v1";

  /** Creates the model; it needs no configuration. */
  public OfflineChatModel() {}

  @Override
  public ChatResponse doChat(ChatRequest request) {
    String document = RequestView.documentText(request.messages());
    String reply = Replies.forSchema(RequestView.schemaName(request), document);
    if (reply == null) {
      reply = Replies.plainText(document);
    }
    TokenUsage usage =
        new TokenUsage(tokens(RequestView.totalChars(request.messages())), tokens(reply.length()));
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(reply))
        .modelName(MODEL_NAME)
        .tokenUsage(usage)
        .finishReason(FinishReason.STOP)
        .build();
  }

  /** Answers JSON-schema requests natively, so callers need not put schemas in the prompt. */
  @Override
  public Set<Capability> supportedCapabilities() {
    return Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
  }

  /** Four characters to a token, rounded up, and at least one. */
  private static int tokens(long chars) {
    return Math.clamp((chars + 3) / 4, 1, Integer.MAX_VALUE);
  }
}
