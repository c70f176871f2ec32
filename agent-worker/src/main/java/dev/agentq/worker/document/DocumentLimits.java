package dev.agentq.worker.document;

/**
 * How much of a document agentq reads at most; larger ones fail with {@code document_too_large}.
 *
 * @param maxBytes bytes of a file or of decoded {@code content_base64}
 * @param maxPages pages of a PDF
 * @param maxChars characters of the text read from any format
 */
public record DocumentLimits(long maxBytes, int maxPages, int maxChars) {
  public static final DocumentLimits DEFAULT = new DocumentLimits(25L << 20, 1000, 2_000_000);

  public DocumentLimits {
    if (maxBytes < 1 || maxPages < 1 || maxChars < 1) {
      throw new IllegalArgumentException("document limits must be positive");
    }
    if (maxBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("documents are read into memory: at most 2 GB");
    }
  }
}
