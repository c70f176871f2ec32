package dev.agentq.worker.model;

import dev.agentq.schemas.Json;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * For providers without structured outputs: asks for plain JSON mode and puts the schema into the
 * instructions instead. The reply is still checked when it is read.
 */
final class JsonModeFallback {
  private JsonModeFallback() {}

  static ChatRequest adapt(ChatRequest request) {
    ResponseFormat format = request.responseFormat();
    JsonSchema schema = format == null ? null : format.jsonSchema();
    if (schema == null) {
      return request;
    }
    String schemaJson = Json.write(JsonSchemaElementUtils.toMap(schema.rootElement()));
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(
        SystemMessage.from(
            "Reply with one JSON object, and nothing else, that conforms to this JSON Schema: "
                + schemaJson));
    messages.addAll(request.messages());
    return request.toBuilder().messages(messages).responseFormat(ResponseFormat.JSON).build();
  }
}
