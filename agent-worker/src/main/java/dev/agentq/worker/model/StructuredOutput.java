package dev.agentq.worker.model;

import dev.agentq.schemas.ContractException;
import dev.agentq.schemas.ContractViolationException;
import dev.agentq.schemas.Json;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;

/** Asking a model for JSON of a given shape, and reading its answer. */
public final class StructuredOutput {
  private StructuredOutput() {}

  /** A response format asking for JSON that matches {@code schema}, named {@code name}. */
  public static ResponseFormat jsonSchema(String name, JsonObjectSchema schema) {
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name(name).rootElement(schema).build())
        .build();
  }

  /** Reads the reply's text as JSON into {@code type}. */
  public static <T> T read(ChatResponse response, Class<T> type) {
    String text = response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null || text.isBlank()) {
      throw new InvalidModelOutputException(
          "the model returned no text where JSON for " + type.getSimpleName() + " was asked for");
    }
    try {
      return Json.convert(Json.parse(stripFence(text)), type);
    } catch (ContractViolationException e) {
      throw new InvalidModelOutputException(
          "the model's reply does not fit "
              + type.getSimpleName()
              + ": "
              + Json.redact(e.violations().getFirst().message()));
    } catch (ContractException e) {
      throw new InvalidModelOutputException(
          "the model's reply is not JSON for " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  // Models in JSON mode without a schema sometimes wrap their answer in a Markdown fence.
  private static String stripFence(String text) {
    String trimmed = text.strip();
    if (trimmed.startsWith("```")) {
      int start = trimmed.indexOf('\n');
      int end = trimmed.lastIndexOf("```");
      if (start > 0 && end > start) {
        return trimmed.substring(start + 1, end);
      }
    }
    return trimmed;
  }
}
