package dev.agentq.schemas;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
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
    if (bytes == null) {
      throw new MalformedJsonException("empty", null);
    }
    Utf8.requireValid(bytes);
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException("empty", null);
      }
      return node;
    } catch (JacksonException e) {
      throw new MalformedJsonException(describe(e), e);
    }
  }

  public static JsonNode parse(String text) {
    if (text == null) {
      throw new MalformedJsonException("empty", null);
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new MalformedJsonException("empty", null);
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

  /**
   * Where the JSON broke and why, in plain words: never the parser's own text, which quotes the
   * input (a document, model output) and names Java types.
   */
  private static String describe(JacksonException e) {
    var location = e.getLocation();
    String where =
        location == null || location.getLineNr() < 1
            ? ""
            : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return "not valid JSON" + where + ": " + reason(e);
  }

  private static String reason(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "it is nested too deeply or holds a value too long";
    }
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("Duplicate")) {
      return "a key appears twice";
    }
    if (message.contains("end-of-input")) {
      return "it ends too early";
    }
    if (message.contains("Trailing token")) {
      return "more follows the JSON value";
    }
    if (message.contains("UTF-8") || message.contains("UTF8")) {
      return "it is not valid UTF-8";
    }
    if (message.contains("control character") || message.contains("CTRL-CHAR")) {
      return "a string holds an unescaped control character";
    }
    return "an unexpected character";
  }

  /**
   * A message in one short line with any quoted text left out (a token of a document or of model
   * output), for messages that end up in logs and stored errors.
   */
  public static String redact(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    line = line.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
