package dev.agentq.worker.agent.digest;

import dev.agentq.schemas.Json;
import tools.jackson.databind.node.ObjectNode;

/** The output of {@code document-digest}, as its output schema describes it. */
final class DigestOutput {
  private DigestOutput() {}

  static ObjectNode of(Classification classification, KeyFields fields, Summary summary) {
    ObjectNode output = Json.object();
    output.put("category", classification.category());
    output.put("confidence", classification.confidence());
    output.put("language", classification.language());
    output.set("fields", Json.toTree(fields.asMap()));
    output.put("summary", summary.summary());
    output.set("key_points", Json.toTree(summary.keyPoints()));
    return output;
  }

  /** A document digested chunk by chunk says how much of it was read. */
  static ObjectNode chunked(ObjectNode output, int chunksRead, int chunksTotal) {
    return output
        .put("truncated", chunksRead < chunksTotal)
        .put("chunks_read", chunksRead)
        .put("chunks_total", chunksTotal);
  }
}
