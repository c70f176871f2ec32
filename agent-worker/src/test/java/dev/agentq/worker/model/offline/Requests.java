package dev.agentq.worker.model.offline;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds document-digest style requests and reads the offline model's JSON replies in tests. */
final class Requests {
  static final String CLASSIFICATION = "document_classification";
  static final String FIELDS = "document_fields";
  static final String SUMMARY = "document_summary";
  static final String SYSTEM = "You analyse documents. Reply with JSON only.";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Requests() {}

  /** A request for {@code schemaName} about {@code document}, wrapped in document tags. */
  static ChatRequest structured(String schemaName, String document) {
    return ChatRequest.builder()
        .messages(SystemMessage.from(SYSTEM), UserMessage.from(wrap(document)))
        .responseFormat(
            ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(
                    JsonSchema.builder()
                        .name(schemaName)
                        .rootElement(
                            JsonObjectSchema.builder().addStringProperty("category").build())
                        .build())
                .build())
        .build();
  }

  /** A request without a response format. */
  static ChatRequest plain(String userText) {
    return ChatRequest.builder()
        .messages(SystemMessage.from(SYSTEM), UserMessage.from(userText))
        .build();
  }

  static String wrap(String document) {
    return "<document>\n" + document + "\n</document>";
  }

  static JsonNode parse(String json) {
    return JSON.readTree(json);
  }

  /** The fields of a document_fields reply, by name, in order. */
  static Map<String, String> fields(String json) {
    JsonNode root = parse(json);
    Map<String, String> fields = new LinkedHashMap<>();
    for (JsonNode field : root.get("fields").values()) {
      fields.put(field.get("name").asString(), field.get("value").asString());
    }
    return fields;
  }
}
