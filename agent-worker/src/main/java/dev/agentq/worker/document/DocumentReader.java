package dev.agentq.worker.document;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Turns a document into plain text, per its format: text as it is, Markdown without its markup, the
 * visible text of HTML (jsoup), the text of a PDF (PDFBox). Line breaks become {@code \n}, trailing
 * spaces and runs of blank lines go. Every document is held to the {@link DocumentLimits}.
 */
public final class DocumentReader {
  private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+\\n");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  private final DocumentLimits limits;

  public DocumentReader(DocumentLimits limits) {
    this.limits = limits;
  }

  public DocumentLimits limits() {
    return limits;
  }

  /** The text of a document given as bytes. */
  public String read(byte[] bytes, DocumentFormat format) {
    if (bytes.length > limits.maxBytes()) {
      throw DocumentException.tooLarge(
          bytes.length + " bytes, over the limit of " + limits.maxBytes() + " bytes");
    }
    String raw =
        switch (format) {
          case PDF -> PdfText.read(bytes, limits);
          case HTML -> HtmlText.read(bytes);
          case MARKDOWN -> MarkdownText.read(decode(bytes));
          case TEXT -> decode(bytes);
        };
    return finish(raw);
  }

  /** The text of a document given as text; a PDF cannot be. */
  public String read(String document, DocumentFormat format) {
    String raw =
        switch (format) {
          case PDF ->
              throw DocumentException.unreadable("a PDF must be given as content_base64 or file");
          case HTML -> HtmlText.read(document);
          case MARKDOWN -> MarkdownText.read(normalizeBreaks(document));
          case TEXT -> document;
        };
    return finish(raw);
  }

  private String finish(String raw) {
    String text = normalizeBreaks(raw);
    text = CONTROL.matcher(text).replaceAll(" ");
    text = TRAILING_SPACE.matcher(text).replaceAll("\n");
    text = BLANK_LINES.matcher(text).replaceAll("\n\n").strip();
    if (text.isEmpty()) {
      throw DocumentException.unreadable("it holds no text (a scanned PDF needs OCR first)");
    }
    if (text.length() > limits.maxChars()) {
      throw DocumentException.tooLarge(
          text.length() + " characters of text, over the limit of " + limits.maxChars());
    }
    return text;
  }

  private static String normalizeBreaks(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** UTF-8, or UTF-16 after its byte-order mark; anything else is not text. */
  private static String decode(byte[] bytes) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      skip = 3;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
          .toString();
    } catch (CharacterCodingException e) {
      throw DocumentException.unreadable("not UTF-8 text; give its format if it is a PDF", e);
    }
  }
}
