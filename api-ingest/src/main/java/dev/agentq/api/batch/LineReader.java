package dev.agentq.api.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Reads JSONL one line at a time, holding at most one line of {@code maxLineChars}: the rest of a
 * longer line is read and dropped, and the line reported as too long.
 */
final class LineReader {
  private final Reader in;
  private final int maxLineChars;
  private final char[] buffer = new char[8192];
  private int position;
  private int limit;
  private boolean ended;

  LineReader(Reader in, int maxLineChars) {
    this.in = in;
    this.maxLineChars = maxLineChars;
  }

  /** A line read, without its end of line; {@code tooLong} if its text was dropped. */
  record Line(String text, boolean tooLong) {}

  /** The next line, or null at the end of the input. */
  Line next() {
    StringBuilder line = new StringBuilder();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (position == limit && !fill()) {
        return any ? finish(line, tooLong) : null;
      }
      any = true;
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      if (!tooLong) {
        line.append(buffer, start, position - start);
        if (line.length() > maxLineChars) {
          tooLong = true;
          line.setLength(0);
        }
      }
      if (position < limit) {
        position++; // the '\n'
        return finish(line, tooLong);
      }
    }
  }

  private static Line finish(StringBuilder line, boolean tooLong) {
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return new Line(tooLong ? "" : line.toString(), tooLong);
  }

  private boolean fill() {
    if (ended) {
      return false;
    }
    try {
      int n = in.read(buffer);
      if (n < 0) {
        ended = true;
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
