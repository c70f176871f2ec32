package dev.agentq.worker.document;

/** The characters of a text from {@code start} (inclusive) to {@code end} (exclusive). */
public record TextSpan(int start, int end) {
  public TextSpan {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("not a span: [" + start + ", " + end + ")");
    }
  }

  public int length() {
    return end - start;
  }

  /** These characters of {@code text}. */
  public String of(String text) {
    return text.substring(start, end);
  }
}
