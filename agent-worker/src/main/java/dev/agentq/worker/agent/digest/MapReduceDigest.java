package dev.agentq.worker.agent.digest;

import dev.agentq.worker.step.JobContext;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The digest of a document longer than one chunk. {@code classify} and {@code extract} read the
 * first chunk only: a long document's kind and its identifying fields (title, parties, numbers,
 * dates) sit at its head, and one call each keeps the budget for the summary. Then each chunk is
 * summarized in a step of its own, {@code summarize-1} to {@code summarize-n}, each checkpointed,
 * so that a crash resumes at the next chunk; mapping stops early when the next chunk would not fit
 * in the token budget. Last, {@code summarize} combines the parts' summaries.
 */
final class MapReduceDigest {
  private MapReduceDigest() {}

  static JsonNode run(JobContext context, ChunkedDocument document) {
    Classification classification =
        context.step(
            "classify",
            Classification.class,
            scope ->
                scope.chatJson(DigestPrompts.classify(document.chunk(0)), Classification.class));
    String category = classification.category();
    KeyFields fields =
        context.step(
            "extract",
            KeyFields.class,
            scope ->
                scope.chatJson(
                    DigestPrompts.extract(document.chunk(0), category), KeyFields.class));

    int total = document.count();
    List<Summary> parts = new ArrayList<>();
    for (int i = 0; i < total; i++) {
      int chunkChars = document.span(i).length();
      int partsChars = DigestPrompts.partsText(parts).length();
      if (i > 0 && !DigestBudget.allowsChunk(context.tokensLeft(), chunkChars, partsChars)) {
        break;
      }
      int index = i;
      parts.add(
          context.step(
              "summarize-" + (index + 1),
              Summary.class,
              scope ->
                  scope.chatJson(
                      DigestPrompts.summarizePart(
                          document.chunk(index), category, index + 1, total),
                      Summary.class)));
    }
    Summary summary =
        context.step(
            "summarize",
            Summary.class,
            scope -> scope.chatJson(DigestPrompts.combine(parts, category, total), Summary.class));
    return DigestOutput.chunked(
        DigestOutput.of(classification, fields, summary), parts.size(), total);
  }
}
