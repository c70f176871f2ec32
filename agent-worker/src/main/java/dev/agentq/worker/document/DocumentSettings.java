package dev.agentq.worker.document;

/**
 * How a worker reads and cuts documents.
 *
 * @param source where file references are read from
 * @param limits how much of a document is read at most
 * @param chunkChars a text longer than this is digested chunk by chunk, in chunks of at most this
 *     many characters
 * @param chunkOverlap characters each chunk repeats of the end of the one before
 * @param checkpointChars a text read from a file or from bytes is kept in the job's {@code read}
 *     checkpoint up to this many characters; a longer one is read again where it is needed
 */
public record DocumentSettings(
    DocumentSource source,
    DocumentLimits limits,
    int chunkChars,
    int chunkOverlap,
    int checkpointChars) {
  public static final DocumentSettings DEFAULT =
      new DocumentSettings(DocumentSource.none(), DocumentLimits.DEFAULT, 20_000, 200, 100_000);

  public DocumentSettings {
    if (chunkChars < 2 || chunkOverlap < 0 || chunkOverlap >= chunkChars / 2) {
      throw new IllegalArgumentException(
          "chunks of " + chunkChars + " characters cannot overlap by " + chunkOverlap);
    }
    if (checkpointChars < 0) {
      throw new IllegalArgumentException("checkpointChars must not be negative");
    }
  }

  public Chunker chunker() {
    return new Chunker(chunkChars, chunkOverlap);
  }

  public DocumentReader reader() {
    return new DocumentReader(limits);
  }

  public DocumentSettings withSource(DocumentSource newSource) {
    return new DocumentSettings(newSource, limits, chunkChars, chunkOverlap, checkpointChars);
  }

  public DocumentSettings withChunks(int chars, int overlap) {
    return new DocumentSettings(source, limits, chars, overlap, checkpointChars);
  }

  public DocumentSettings withCheckpointChars(int chars) {
    return new DocumentSettings(source, limits, chunkChars, chunkOverlap, chars);
  }
}
