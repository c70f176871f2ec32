package dev.agentq.worker.agent.digest;

import dev.agentq.worker.document.DocumentException;
import dev.agentq.worker.document.DocumentFormat;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The document a job names, as its input gives it (validated against the input schema): inline
 * text, bytes in base64, or a file reference; with the format it declares, if any, and a title.
 */
record DigestInput(Source source, String value, Optional<DocumentFormat> format, String title) {

  /** How the document is given. */
  enum Source {
    /** The text itself, in {@code document}: part of the job, so read again at will. */
    INLINE,
    /** Bytes in {@code content_base64}. */
    BYTES,
    /** A path under the documents directory, in {@code file}: it may change, so read once. */
    FILE
  }

  static DigestInput of(JsonNode input) {
    Optional<DocumentFormat> format =
        input.hasNonNull("format")
            ? Optional.of(
                DocumentFormat.fromWire(input.get("format").asString())
                    .orElseThrow(() -> DocumentException.unreadable("unknown format")))
            : Optional.empty();
    String title = input.hasNonNull("title") ? input.get("title").asString() : null;
    if (input.hasNonNull("file")) {
      return new DigestInput(Source.FILE, input.get("file").asString(), format, title);
    }
    if (input.hasNonNull("content_base64")) {
      return new DigestInput(Source.BYTES, input.get("content_base64").asString(), format, title);
    }
    return new DigestInput(Source.INLINE, input.path("document").asString(""), format, title);
  }

  /** Whether the document must be read in a step of its own: it is not text of the job's input. */
  boolean needsReading() {
    return source != Source.INLINE;
  }
}
