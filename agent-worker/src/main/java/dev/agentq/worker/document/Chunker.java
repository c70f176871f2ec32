package dev.agentq.worker.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into chunks of at most {@code size} characters, each cut at the best boundary in
 * its second half: a blank line (paragraph), else a sentence end, else a line break, else a space,
 * else anywhere (never inside a surrogate pair). Each chunk after the first starts up to {@code
 * overlap} characters before the previous one ended, at a sentence or word start, so that a
 * sentence cut in two is read whole once. The same text always gives the same chunks.
 */
public final class Chunker {
  private final int size;
  private final int overlap;

  public Chunker(int size, int overlap) {
    if (size < 2 || overlap < 0 || overlap >= size / 2) {
      throw new IllegalArgumentException(
          "chunks of " + size + " characters cannot overlap by " + overlap);
    }
    this.size = size;
    this.overlap = overlap;
  }

  public int size() {
    return size;
  }

  /** The chunks, in order; one span of the whole text if it fits in one chunk. */
  public List<TextSpan> split(String text) {
    List<TextSpan> chunks = new ArrayList<>();
    int start = 0;
    while (text.length() - start > size) {
      int end = cut(text, start + size / 2, start + size);
      chunks.add(new TextSpan(start, end));
      start = skipSpace(text, resume(text, Math.max(end - overlap, start + 1), end));
    }
    if (start < text.length() || chunks.isEmpty()) {
      chunks.add(new TextSpan(start, text.length()));
    }
    return chunks;
  }

  /** Where to end a chunk: the best boundary in {@code (min, limit]}. */
  private static int cut(String text, int min, int limit) {
    int paragraph = text.lastIndexOf("\n\n", limit - 2);
    if (paragraph > min) {
      return paragraph;
    }
    for (int i = limit - 1; i > min; i--) {
      if (isSentenceEnd(text, i)) {
        return i + 1;
      }
    }
    int line = text.lastIndexOf('\n', limit - 1);
    if (line > min) {
      return line;
    }
    for (int i = limit - 1; i > min; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
  }

  /** Where the next chunk starts: the first sentence start from {@code from}, else a word start. */
  private static int resume(String text, int from, int end) {
    for (int i = from; i < end - 1; i++) {
      if (isSentenceEnd(text, i)) {
        return i + 1;
      }
    }
    for (int i = from; i < end; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return end;
  }

  private static boolean isSentenceEnd(String text, int i) {
    return ".!?".indexOf(text.charAt(i)) >= 0
        && i + 1 < text.length()
        && Character.isWhitespace(text.charAt(i + 1));
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
