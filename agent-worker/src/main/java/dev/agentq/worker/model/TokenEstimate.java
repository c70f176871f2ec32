package dev.agentq.worker.model;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;

/**
 * Tokens a text will take before a model has counted them: four characters to a token, the usual
 * rule for English with GPT-style tokenizers. Only budgets are planned with it; what is spent is
 * what the provider reports.
 */
public final class TokenEstimate {
  private TokenEstimate() {}

  /** Tokens of {@code chars} characters of text, rounded up. */
  public static long ofChars(long chars) {
    return (chars + 3) / 4;
  }

  /** Tokens of the text of a request's messages, tool calls and results included. */
  public static long of(ChatRequest request) {
    long chars = 0;
    for (ChatMessage message : request.messages()) {
      chars +=
          switch (message) {
            case SystemMessage system -> length(system.text());
            case UserMessage user -> userChars(user);
            case AiMessage ai -> length(ai.text()) + toolCallChars(ai);
            case ToolExecutionResultMessage result -> length(result.text());
            default -> 0;
          };
    }
    return ofChars(chars);
  }

  private static long userChars(UserMessage user) {
    long chars = 0;
    for (Content content : user.contents()) {
      if (content instanceof TextContent text) {
        chars += length(text.text());
      }
    }
    return chars;
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
