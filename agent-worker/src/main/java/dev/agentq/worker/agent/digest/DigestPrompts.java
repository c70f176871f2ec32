package dev.agentq.worker.agent.digest;

import dev.agentq.worker.model.StructuredOutput;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;

/** The three requests of the document digest, each asking for JSON of a fixed shape. */
final class DigestPrompts {
  /** Longer documents are cut here for now; chunked map-reduce comes with batch processing. */
  static final int MAX_DOCUMENT_CHARS = 48_000;

  private DigestPrompts() {}

  static ChatRequest classify(String document) {
    JsonObjectSchema schema =
        JsonObjectSchema.builder()
            .addEnumProperty("category", Classification.CATEGORIES)
            .addNumberProperty("confidence", "from 0 to 1")
            .addStringProperty("language", "ISO 639-1 code of the document's language")
            .required("category", "confidence", "language")
            .additionalProperties(false)
            .build();
    return request(
        "Classify the document into exactly one category. Answer with JSON only.",
        document,
        "document_classification",
        schema);
  }

  static ChatRequest extract(String document, String category) {
    JsonObjectSchema field =
        JsonObjectSchema.builder()
            .addStringProperty("name", "snake_case name, such as invoice_number or due_date")
            .addStringProperty("value", "the value as written in the document")
            .required("name", "value")
            .additionalProperties(false)
            .build();
    JsonObjectSchema schema =
        JsonObjectSchema.builder()
            .addProperty("fields", JsonArraySchema.builder().items(field).build())
            .required("fields")
            .additionalProperties(false)
            .build();
    return request(
        "The document is a "
            + category
            + ". Extract its key fields (identifiers, parties, dates, amounts, contacts)."
            + " Use values exactly as written. Answer with JSON only.",
        document,
        "document_fields",
        schema);
  }

  static ChatRequest summarize(String document, String category) {
    JsonObjectSchema schema =
        JsonObjectSchema.builder()
            .addStringProperty("summary", "at most three sentences")
            .addProperty(
                "key_points", JsonArraySchema.builder().items(new JsonStringSchema()).build())
            .required("summary", "key_points")
            .additionalProperties(false)
            .build();
    return request(
        "Summarize the "
            + category
            + " in at most three sentences and list up to five key points. Answer with JSON only.",
        document,
        "document_summary",
        schema);
  }

  private static ChatRequest request(
      String instruction, String document, String schemaName, JsonObjectSchema schema) {
    return ChatRequest.builder()
        .messages(
            SystemMessage.from(instruction),
            UserMessage.from("<document>\n" + document + "\n</document>"))
        .responseFormat(StructuredOutput.jsonSchema(schemaName, schema))
        .build();
  }
}
