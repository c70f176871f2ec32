package dev.agentq.worker.agent.digest;

import dev.agentq.worker.model.StructuredOutput;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.List;

/**
 * The requests of the document digest, each asking for JSON of a fixed shape: classify, extract and
 * summarize a document (or its first chunk); for a long one also summarize each chunk ({@value
 * #PART_SCHEMA}) and then the chunks' summaries together.
 */
final class DigestPrompts {
  static final String PART_SCHEMA = "document_partial_summary";

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
    return request(
        "Summarize the "
            + category
            + " in at most three sentences and list up to five key points. Answer with JSON only.",
        document,
        "document_summary",
        summarySchema());
  }

  /** The map step: one chunk of a long document. */
  static ChatRequest summarizePart(String chunk, String category, int part, int parts) {
    return request(
        "This is part "
            + part
            + " of "
            + parts
            + " of a "
            + category
            + ". Summarize this part in at most three sentences and list up to five key points"
            + " of it. Answer with JSON only.",
        chunk,
        PART_SCHEMA,
        summarySchema());
  }

  /** The reduce step: the summaries of the parts read, in order. */
  static ChatRequest combine(List<Summary> parts, String category, int total) {
    String scope =
        parts.size() < total
            ? "the first " + parts.size() + " of the " + total + " parts (the rest was not read)"
            : "all " + total + " parts";
    return request(
        "Each paragraph below summarizes one part of a "
            + category
            + ", in order: "
            + scope
            + ". Summarize the "
            + category
            + " from them in at most three sentences and list up to five key points."
            + " Answer with JSON only.",
        partsText(parts),
        "document_summary",
        summarySchema());
  }

  /** The parts' summaries as the reduce step reads them: one paragraph each. */
  static String partsText(List<Summary> parts) {
    StringBuilder text = new StringBuilder();
    for (Summary part : parts) {
      text.append(text.isEmpty() ? "" : "\n\n").append(part.summary());
      part.keyPoints().forEach(point -> text.append('\n').append(point));
    }
    return text.toString();
  }

  private static JsonObjectSchema summarySchema() {
    return JsonObjectSchema.builder()
        .addStringProperty("summary", "at most three sentences")
        .addProperty("key_points", JsonArraySchema.builder().items(new JsonStringSchema()).build())
        .required("summary", "key_points")
        .additionalProperties(false)
        .build();
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
