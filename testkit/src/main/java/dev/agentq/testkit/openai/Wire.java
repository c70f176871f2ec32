package dev.agentq.testkit.openai;

import java.security.SecureRandom;
import java.util.List;
import java.util.random.RandomGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shapes of the OpenAI Chat Completions wire format, built with Jackson. */
final class Wire {

  static final JsonMapper MAPPER = JsonMapper.builder().build();
  static final List<String> MODELS = List.of("gpt-4o-mini", "gpt-4o", "gpt-4.1-mini", "o4-mini");
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final RandomGenerator RANDOM = new SecureRandom();

  private Wire() {}

  /** What every object of one response shares: id, creation time and model (default: the first). */
  record Meta(String id, long created, String model) {
    Meta {
      model = model != null ? model : MODELS.getFirst();
    }
  }

  /** A fresh OpenAI-style tool-call id, {@code call_} and 24 letters or digits. */
  static String newToolCallId() {
    StringBuilder id = new StringBuilder("call_");
    for (int i = 0; i < 24; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }

  static void requireJson(String json) {
    try {
      MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("not well-formed JSON: " + json, e);
    }
  }

  /** The request body as a JSON object, or {@code null} when it is not one. */
  static ObjectNode parseObject(byte[] body) {
    try {
      return MAPPER.readTree(body) instanceof ObjectNode object ? object : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  static byte[] bytes(JsonNode node) {
    return MAPPER.writeValueAsBytes(node);
  }

  /** {@code {"error":{"message","type","param":null,"code"}}}. */
  static ObjectNode error(String message, String type, String code) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode error = root.putObject("error").put("message", message).put("type", type);
    error.putNull("param").put("code", code);
    return root;
  }

  /** A complete non-streamed {@code chat.completion}. */
  static ObjectNode completion(Meta meta, RecordedRequest request, Reply reply) {
    ObjectNode root = header(meta, "chat.completion");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    message.put("content", reply.content).putNull("refusal");
    if (reply.kind == Reply.Kind.TOOL_CALLS) {
      ArrayNode calls = message.putArray("tool_calls");
      for (ToolCall call : reply.toolCalls) {
        ObjectNode node = calls.addObject().put("id", call.id()).put("type", "function");
        node.putObject("function").put("name", call.name()).put("arguments", call.argumentsJson());
      }
    }
    choice.putNull("logprobs").put("finish_reason", finishReason(reply));
    root.set("usage", usage(request, reply));
    return root.put("system_fingerprint", "fp_fake");
  }

  /** One {@code chat.completion.chunk} with a single choice carrying {@code delta}. */
  static ObjectNode chunk(Meta meta, ObjectNode delta, String finish, boolean usage) {
    ObjectNode root = header(meta, "chat.completion.chunk").put("system_fingerprint", "fp_fake");
    ObjectNode choice = root.putArray("choices").addObject().put("index", 0);
    choice.set("delta", delta);
    choice.putNull("logprobs").put("finish_reason", finish);
    return usage ? root.putNull("usage") : root;
  }

  /** The trailing usage chunk of a stream: no choices, only {@code usage}. */
  static ObjectNode usageChunk(Meta meta, RecordedRequest request, Reply reply) {
    ObjectNode root = header(meta, "chat.completion.chunk").put("system_fingerprint", "fp_fake");
    root.putArray("choices");
    return root.set("usage", usage(request, reply));
  }

  static String finishReason(Reply reply) {
    return reply.kind == Reply.Kind.TOOL_CALLS ? "tool_calls" : "stop";
  }

  static ObjectNode usage(RecordedRequest request, Reply reply) {
    int prompt = reply.promptTokens != null ? reply.promptTokens : estimate(request.promptChars());
    int completion =
        reply.completionTokens != null ? reply.completionTokens : estimate(completionChars(reply));
    return MAPPER
        .createObjectNode()
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
  }

  /** {@code GET /v1/models}: a small list of model objects. */
  static ObjectNode models() {
    ObjectNode root = MAPPER.createObjectNode().put("object", "list");
    ArrayNode data = root.putArray("data");
    for (String model : MODELS) {
      ObjectNode node = data.addObject().put("id", model).put("object", "model");
      node.put("created", 1_700_000_000L).put("owned_by", "fake-openai");
    }
    return root;
  }

  private static ObjectNode header(Meta meta, String object) {
    return MAPPER
        .createObjectNode()
        .put("id", meta.id())
        .put("object", object)
        .put("created", meta.created())
        .put("model", meta.model());
  }

  private static int completionChars(Reply reply) {
    int chars = reply.content == null ? 0 : reply.content.length();
    for (ToolCall call : reply.toolCalls) {
      chars += call.name().length() + call.argumentsJson().length();
    }
    return chars;
  }

  private static int estimate(int chars) {
    return Math.max(1, (chars + 3) / 4);
  }
}
