package dev.agentq.worker.model.offline;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.Set;

/**
 * An offline heuristic model: a deterministic, network-free {@link ChatModel} that agentq uses when
 * no OpenAI API key is configured, so that the whole system runs on a laptop. It is <b>not an
 * LLM</b> and understands nothing: it answers with keyword scoring, regular expressions and
 * extractive summarisation.
 *
 * <p>It recognises the {@code document-digest} agent's JSON schema names {@code
 * document_classification}, {@code document_fields}, {@code document_summary} and {@code
 * document_partial_summary} (one chunk of a long document, summarized like a whole one; the final
 * summary of a long document is then an extractive summary of its parts' summaries), and reads the
 * document from the {@code <document>...</document>} part of the last user message (or the whole
 * message).
 *
 * <p>It calls tools, heuristically, when a request declares them: for a new question (the last user
 * message, with no tool results after it) it calls {@code calculate} with the arithmetic expression
 * the question holds, if any, else {@code search_documents} with the question's content words; it
 * calls only declared tools, one per question, with ids {@code call_1}, {@code call_2}, ... counted
 * over the conversation. Once results follow the question it answers in plain text from them ("The
 * result is 210.", or "From the documents: [name] ..." with the passage sentences that share the
 * most words with the question), and calls no more tools.
 *
 * <p>Any other request, one without tools (such as the last ask once a tool budget is spent)
 * included, gets a plain-text extractive summary of the last user message. The same request always
 * gets the same reply; token usage is estimated at four characters per token; the finish reason is
 * {@code TOOL_EXECUTION} for tool calls, else {@code STOP}. Every response carries the model name
 * {@value #MODEL_NAME}. Instances are stateless and thread-safe.
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
    AiMessage answer = reply == null ? ToolUse.reply(request) : null;
    if (answer == null) {
      answer = AiMessage.from(reply == null ? Replies.plainText(document) : reply);
    }
    long outputChars = RequestView.totalChars(List.of(answer));
    TokenUsage usage =
        new TokenUsage(tokens(RequestView.totalChars(request.messages())), tokens(outputChars));
    return ChatResponse.builder()
        .aiMessage(answer)
        .modelName(MODEL_NAME)
        .tokenUsage(usage)
        .finishReason(
            answer.hasToolExecutionRequests() ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
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
