package dev.agentq.worker.agent.digest;

import dev.agentq.schemas.Json;
import dev.agentq.worker.agent.Agent;
import dev.agentq.worker.step.JobContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code document-digest}: classifies a document, extracts its key fields and summarizes it, in
 * three checkpointed steps.
 */
public final class DocumentDigestAgent implements Agent {
  public static final String NAME = "document-digest";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JsonNode run(JobContext context) {
    String document = document(context.input());

    Classification classification =
        context.step(
            "classify",
            Classification.class,
            scope -> scope.chatJson(DigestPrompts.classify(document), Classification.class));
    KeyFields fields =
        context.step(
            "extract",
            KeyFields.class,
            scope ->
                scope.chatJson(
                    DigestPrompts.extract(document, classification.category()), KeyFields.class));
    Summary summary =
        context.step(
            "summarize",
            Summary.class,
            scope ->
                scope.chatJson(
                    DigestPrompts.summarize(document, classification.category()), Summary.class));

    ObjectNode output = Json.object();
    output.put("category", classification.category());
    output.put("confidence", classification.confidence());
    output.put("language", classification.language());
    output.set("fields", Json.toTree(fields.asMap()));
    output.put("summary", summary.summary());
    output.set("key_points", Json.toTree(summary.keyPoints()));
    return output;
  }

  private static String document(JsonNode input) {
    String text = input.path("document").asString("");
    if (input.hasNonNull("title")) {
      text = input.get("title").asString() + "\n\n" + text;
    }
    return text.length() > DigestPrompts.MAX_DOCUMENT_CHARS
        ? text.substring(0, DigestPrompts.MAX_DOCUMENT_CHARS)
        : text;
  }
}
