package dev.agentq.worker.document;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a document is written, and so how its text is read. */
public enum DocumentFormat {
  TEXT("text"),
  MARKDOWN("markdown"),
  HTML("html"),
  PDF("pdf");

  private static final int SNIFFED_CHARS = 1024;

  private final String wire;

  DocumentFormat(String wire) {
    this.wire = wire;
  }

  /** The name in a job's input, such as {@code markdown}. */
  public String wire() {
    return wire;
  }

  /** The format named {@code wire} in a job's input, if it is one. */
  public static Optional<DocumentFormat> fromWire(String wire) {
    return Arrays.stream(values()).filter(f -> f.wire.equals(wire)).findFirst();
  }

  /** The format a file's name says, such as PDF for {@code report.pdf}, if it says one. */
  public static Optional<DocumentFormat> ofFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String extension = lower.substring(lower.lastIndexOf('.') + 1);
    return switch (extension) {
      case "pdf" -> Optional.of(PDF);
      case "html", "htm", "xhtml" -> Optional.of(HTML);
      case "md", "markdown" -> Optional.of(MARKDOWN);
      case "txt", "text" -> Optional.of(TEXT);
      default -> Optional.empty();
    };
  }

  /** The format bytes look like: {@code %PDF-} is a PDF, then as {@link #sniff(String)}. */
  public static DocumentFormat sniff(byte[] bytes) {
    if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      return PDF;
    }
    int head = Math.min(bytes.length, SNIFFED_CHARS);
    return sniff(new String(bytes, 0, head, StandardCharsets.ISO_8859_1));
  }

  /** The format text looks like: HTML if its start holds {@code <html} or {@code <body}. */
  public static DocumentFormat sniff(String text) {
    String head =
        text.substring(0, Math.min(text.length(), SNIFFED_CHARS)).toLowerCase(Locale.ROOT);
    return head.contains("<html") || head.contains("<body") ? HTML : TEXT;
  }
}
