package dev.agentq.worker.model.offline;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the JSON replies for the document-digest schemas. */
final class Replies {
  static final String CLASSIFICATION = "document_classification";
  static final String FIELDS = "document_fields";
  static final String SUMMARY = "document_summary";
  static final String PART_SUMMARY = "document_partial_summary";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Replies() {}

  /**
   * The reply to a request with the given schema name, or null if the schema is not one of ours.
   */
  static String forSchema(String schemaName, String document) {
    return switch (schemaName) {
      case CLASSIFICATION -> classification(Classifier.classify(document));
      case FIELDS -> fields(FieldExtractor.extract(document));
      case SUMMARY, PART_SUMMARY -> summary(Summarizer.summarize(document));
      default -> null;
    };
  }

  /** A plain-text extractive summary, for any request that is not one of our schemas. */
  static String plainText(String document) {
    return Summarizer.summarize(document).summary();
  }

  static String classification(Classifier.Classification c) {
    ObjectNode root = JSON.createObjectNode();
    root.put("category", c.category());
    root.put("confidence", c.confidence());
    root.put("language", c.language());
    return JSON.writeValueAsString(root);
  }

  static String fields(Map<String, String> fields) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode array = root.putArray("fields");
    fields.forEach((name, value) -> array.addObject().put("name", name).put("value", value));
    return JSON.writeValueAsString(root);
  }

  static String summary(Summarizer.Summary s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("summary", s.summary());
    ArrayNode points = root.putArray("key_points");
    s.keyPoints().forEach(points::add);
    return JSON.writeValueAsString(root);
  }
}
