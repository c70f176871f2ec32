package dev.agentq.testkit.openai;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A chat-completion request as {@link FakeOpenAiServer} received it, with helpers that read the
 * usual fields of the OpenAI request body.
 *
 * @param method the HTTP method, e.g. {@code "POST"}
 * @param path the request path, e.g. {@code "/v1/chat/completions"}
 * @param headers the request headers, names in lower case, repeated values joined with {@code ", "}
 * @param body the parsed JSON request body
 */
public record RecordedRequest(
    String method, String path, Map<String, String> headers, ObjectNode body) {

  /** Requires all components and makes the headers unmodifiable. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** The value of a request header (name matched case-insensitively), or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The requested model ({@code body.model}), or {@code null}. */
  public String model() {
    return string(body.get("model"));
  }

  /** The text of the last message with role {@code "user"}, or {@code null} if there is none. */
  public String lastUserMessage() {
    String last = null;
    for (JsonNode message : body.path("messages")) {
      if ("user".equals(string(message.get("role")))) {
        last = text(message.get("content"));
      }
    }
    return last;
  }

  /** The text of the first {@code "system"} or {@code "developer"} message, or {@code null}. */
  public String systemMessage() {
    for (JsonNode message : body.path("messages")) {
      String role = string(message.get("role"));
      if ("system".equals(role) || "developer".equals(role)) {
        return text(message.get("content"));
      }
    }
    return null;
  }

  /** {@code body.response_format.json_schema.name}, or {@code null}. */
  public String responseSchemaName() {
    return string(body.path("response_format").path("json_schema").get("name"));
  }

  /** {@code body.response_format.type} ({@code "text"}, {@code "json_object"}, ...) or null. */
  public String responseFormatType() {
    return string(body.path("response_format").get("type"));
  }

  /** Whether the client asked for a streamed (Server-Sent Events) answer. */
  public boolean stream() {
    return body.path("stream").asBoolean(false);
  }

  /** The function names offered in {@code body.tools[].function.name}, in order. */
  public List<String> toolNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode tool : body.path("tools")) {
      String name = string(tool.path("function").get("name"));
      if (name != null) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /** The text of all messages together, for estimating prompt tokens. */
  int promptChars() {
    int chars = 0;
    for (JsonNode message : body.path("messages")) {
      String text = text(message.get("content"));
      chars += text == null ? 0 : text.length();
    }
    return chars;
  }

  /** The text of a message content: a string, or the {@code text} parts of an array, joined. */
  static String text(JsonNode content) {
    if (content == null || !content.isArray()) {
      return string(content);
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode part : content) {
      if ("text".equals(string(part.get("type"))) && string(part.get("text")) != null) {
        parts.add(string(part.get("text")));
      }
    }
    return String.join("\n", parts);
  }

  private static String string(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }
}
