package dev.agentq.testkit.openai;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scripted answer of {@link FakeOpenAiServer}: assistant text, JSON content, tool calls, an
 * OpenAI error, or a dropped connection. Immutable: build with the static factories and refine with
 * the {@code with...} methods, each of which returns a new instance.
 */
public final class Reply {

  enum Kind {
    CONTENT,
    TOOL_CALLS,
    ERROR,
    DROP
  }

  final Kind kind;
  final String content; // the assistant content, or the error message
  final List<ToolCall> toolCalls;
  final int status;
  final String errorType;
  final Integer promptTokens; // null: estimated
  final Integer completionTokens; // null: estimated
  final Duration delay;
  final Map<String, String> headers;
  final String model; // null: the request's model

  private Reply(Kind kind, String content, List<ToolCall> calls, int status, String errorType) {
    this.kind = kind;
    this.content = content;
    this.toolCalls = List.copyOf(calls);
    this.status = status;
    this.errorType = errorType;
    this.promptTokens = null;
    this.completionTokens = null;
    this.delay = Duration.ZERO;
    this.headers = Map.of();
    this.model = null;
  }

  /** A copy of {@code base} where each non-null argument replaces the corresponding setting. */
  private Reply(
      Reply base, int[] usage, Duration delay, Map<String, String> headers, String model) {
    this.kind = base.kind;
    this.content = base.content;
    this.toolCalls = base.toolCalls;
    this.status = base.status;
    this.errorType = base.errorType;
    this.promptTokens = usage == null ? base.promptTokens : Integer.valueOf(usage[0]);
    this.completionTokens = usage == null ? base.completionTokens : Integer.valueOf(usage[1]);
    this.delay = delay == null ? base.delay : delay;
    this.headers = headers == null ? base.headers : headers;
    this.model = model == null ? base.model : model;
  }

  /** An assistant message with this text content; finish reason {@code "stop"}. */
  public static Reply text(String content) {
    return new Reply(
        Kind.CONTENT, Objects.requireNonNull(content, "content"), List.of(), 200, null);
  }

  /**
   * An assistant message whose content is this JSON text, as for structured outputs or JSON mode.
   * The text must be well-formed JSON; script malformed model output with {@link #text} instead.
   *
   * @throws IllegalArgumentException if {@code jsonContent} is not well-formed JSON
   */
  public static Reply json(String jsonContent) {
    Wire.requireJson(Objects.requireNonNull(jsonContent, "jsonContent"));
    return new Reply(Kind.CONTENT, jsonContent, List.of(), 200, null);
  }

  /** An assistant message with one tool call (generated id); finish reason {@code "tool_calls"}. */
  public static Reply toolCall(String toolName, String argumentsJson) {
    return toolCalls(List.of(new ToolCall(null, toolName, argumentsJson)));
  }

  /** An assistant message with these tool calls, in order; finish reason {@code "tool_calls"}. */
  public static Reply toolCalls(List<ToolCall> calls) {
    if (calls.isEmpty()) {
      throw new IllegalArgumentException("at least one tool call is required");
    }
    return new Reply(Kind.TOOL_CALLS, null, calls, 200, null);
  }

  /**
   * An OpenAI error: HTTP {@code httpStatus} (4xx or 5xx) with the body {@code {"error":{"message":
   * message, "type": type, "param": null, "code": type}}}.
   */
  public static Reply error(int httpStatus, String type, String message) {
    if (httpStatus < 400 || httpStatus > 599) {
      throw new IllegalArgumentException("error status must be 4xx or 5xx: " + httpStatus);
    }
    Objects.requireNonNull(message, "message");
    return new Reply(Kind.ERROR, message, List.of(), httpStatus, Objects.requireNonNull(type));
  }

  /** Closes the connection without sending any response (the client sees a reset/empty reply). */
  public static Reply dropConnection() {
    return new Reply(Kind.DROP, null, List.of(), 0, null);
  }

  /** This reply reporting this token usage instead of the estimate (characters / 4, at least 1). */
  public Reply withUsage(int promptTokens, int completionTokens) {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("negative token count");
    }
    return new Reply(this, new int[] {promptTokens, completionTokens}, null, null, null);
  }

  /** This reply sent after {@code delay}; the wait holds no lock and delays no other request. */
  public Reply withDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    return new Reply(this, null, delay, null, null);
  }

  /** This reply with an extra HTTP response header, replacing an earlier one of the same name. */
  public Reply withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Reply(this, null, null, Collections.unmodifiableMap(copy), null);
  }

  /** This reply naming {@code model} in the response; by default it echoes the request's model. */
  public Reply withModel(String model) {
    return new Reply(this, null, null, null, Objects.requireNonNull(model, "model"));
  }

  @Override
  public String toString() {
    return "Reply["
        + kind
        + " status="
        + status
        + " content="
        + content
        + " calls="
        + toolCalls
        + "]";
  }
}
