package dev.agentq.worker.model.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the offline model needs from a request: schema name, document text and size. */
final class RequestView {
  private static final Pattern OPEN_TAG = Pattern.compile("<document\\b[^>]{0,200}>");
  private static final String CLOSE_TAG = "</document>";

  private RequestView() {}

  /** The name of the requested JSON schema, or "" if the request does not ask for one. */
  static String schemaName(ChatRequest request) {
    ResponseFormat format = request.responseFormat();
    if (format == null || format.type() != ResponseFormatType.JSON || format.jsonSchema() == null) {
      return "";
    }
    String name = format.jsonSchema().name();
    return name == null ? "" : name.strip();
  }

  /** The text inside {@code <document>} tags of the last user message, or all of its text. */
  static String documentText(List<ChatMessage> messages) {
    String text = "";
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i) instanceof UserMessage user) {
        text = userText(user);
        break;
      }
    }
    Matcher open = OPEN_TAG.matcher(text);
    if (open.find()) {
      int close = text.lastIndexOf(CLOSE_TAG);
      text = close >= open.end() ? text.substring(open.end(), close) : text.substring(open.end());
    }
    return Texts.sanitize(text);
  }

  /** The number of characters of text in all messages, tool calls and results included. */
  static long totalChars(List<ChatMessage> messages) {
    long chars = 0;
    for (ChatMessage message : messages) {
      chars +=
          switch (message) {
            case SystemMessage system -> length(system.text());
            case UserMessage user -> userText(user).length();
            case AiMessage ai -> length(ai.text()) + toolCallChars(ai);
            case ToolExecutionResultMessage result -> length(result.text());
            default -> 0;
          };
    }
    return chars;
  }

  /** The text parts of a user message, one per line. */
  static String userText(UserMessage user) {
    StringBuilder text = new StringBuilder();
    for (Content content : user.contents()) {
      if (content instanceof TextContent t && t.text() != null) {
        text.append(text.isEmpty() ? "" : "\n").append(t.text());
      }
    }
    return text.toString();
  }

  private static long toolCallChars(AiMessage ai) {
    long chars = 0;
    if (ai.hasToolExecutionRequests()) {
      for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
        chars += length(call.name()) + length(call.arguments());
      }
    }
    return chars;
  }

  private static int length(String s) {
    return s == null ? 0 : s.length();
  }
}
