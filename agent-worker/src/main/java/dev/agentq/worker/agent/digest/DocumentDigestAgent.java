package dev.agentq.worker.agent.digest;

import dev.agentq.worker.agent.Agent;
import dev.agentq.worker.document.DocumentSettings;
import dev.agentq.worker.step.JobContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code document-digest}: classifies a document, extracts its key fields and summarizes it, each
 * in a checkpointed step.
 *
 * <p>A document given as bytes or as a file is first read in a step of its own, {@code read}, so
 * that every attempt of the job digests the same text even if the file changes meanwhile; text
 * given inline is part of the job and needs none. A text that fits in one chunk takes three steps,
 * {@code classify}, {@code extract} and {@code summarize}; a longer one is summarized chunk by
 * chunk within the job's token budget ({@link MapReduceDigest}).
 */
public final class DocumentDigestAgent implements Agent {
  public static final String NAME = "document-digest";

  private final DigestReader reader;

  /** With the default settings: no file references. */
  public DocumentDigestAgent() {
    this(DocumentSettings.DEFAULT);
  }

  public DocumentDigestAgent(DocumentSettings settings) {
    this.reader = new DigestReader(settings);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public JsonNode run(JobContext context) {
    DigestInput input = DigestInput.of(context.input());
    ChunkedDocument document = read(context, input);
    return document.count() > 1
        ? MapReduceDigest.run(context, document)
        : wholeDigest(context, document);
  }

  private ChunkedDocument read(JobContext context, DigestInput input) {
    DocumentText text =
        input.needsReading()
            ? context.step("read", DocumentText.class, scope -> reader.read(input))
            : reader.readInline(input);
    return new ChunkedDocument(text, () -> reader.text(input).text());
  }

  private static JsonNode wholeDigest(JobContext context, ChunkedDocument document) {
    Classification classification =
        context.step(
            "classify",
            Classification.class,
            scope ->
                scope.chatJson(DigestPrompts.classify(document.whole()), Classification.class));
    String category = classification.category();
    KeyFields fields =
        context.step(
            "extract",
            KeyFields.class,
            scope ->
                scope.chatJson(DigestPrompts.extract(document.whole(), category), KeyFields.class));
    Summary summary =
        context.step(
            "summarize",
            Summary.class,
            scope ->
                scope.chatJson(DigestPrompts.summarize(document.whole(), category), Summary.class));
    return DigestOutput.of(classification, fields, summary);
  }
}
