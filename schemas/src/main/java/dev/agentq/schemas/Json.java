package dev.agentq.schemas;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON codec of agentq's own code (Jackson 3). Duplicate keys are refused, trailing tokens
 * are refused, and every parse error becomes a {@link MalformedJsonException} whose message names
 * the position, never the content.
 */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private Json() {}

  /** The shared mapper, for callers that stream or need a reader of their own. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException("the body is empty", null);
      }
      return node;
    } catch (JacksonException e) {
      throw new MalformedJsonException(describe(e), e);
    }
  }

  public static JsonNode parse(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException("the text is empty", null);
      }
      return node;
    } catch (JacksonException e) {
      throw new MalformedJsonException(describe(e), e);
    }
  }

  /** Converts a tree into a record of ours; a mismatch is a contract violation at the root. */
  public static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (JacksonException e) {
      throw new ContractViolationException(
          type.getSimpleName(), java.util.List.of(new Violation("", e.getOriginalMessage())));
    }
  }

  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static byte[] writeBytes(Object value) {
    return MAPPER.writeValueAsBytes(value);
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  private static String describe(JacksonException e) {
    var location = e.getLocation();
    String where =
        location == null
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return "not valid JSON" + where + ": " + firstLine(e.getOriginalMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    // Jackson appends where in the source it was; we say line and column ourselves.
    for (String noise : new String[] {" (start marker at", " at [Source"}) {
      int cut = line.indexOf(noise);
      if (cut > 0) {
        line = line.substring(0, cut);
      }
    }
    // Jackson quotes the offending token; keep messages short and free of document content.
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
