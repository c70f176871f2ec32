package dev.agentq.worker.agent.digest;

import dev.agentq.worker.document.DocumentException;
import dev.agentq.worker.document.DocumentFormat;
import dev.agentq.worker.document.DocumentReader;
import dev.agentq.worker.document.DocumentSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/** Reads the document a job names into text, its title first, and cuts it into chunks. */
final class DigestReader {
  private final DocumentSettings settings;
  private final DocumentReader reader;

  DigestReader(DocumentSettings settings) {
    this.settings = settings;
    this.reader = settings.reader();
  }

  /** The text, with its chunks, for a checkpoint: the text kept only if it is short enough. */
  DocumentText read(DigestInput input) {
    return document(text(input), settings.checkpointChars());
  }

  /** The text of an inline document, with its chunks; never checkpointed, so always kept. */
  DocumentText readInline(DigestInput input) {
    return document(text(input), Integer.MAX_VALUE);
  }

  private DocumentText document(Read read, int keepChars) {
    String text = read.text();
    return new DocumentText(
        read.format().wire(),
        text.length(),
        sha256(text),
        text.length() <= keepChars ? text : null,
        settings.chunker().split(text));
  }

  /** The text alone, with the format it was read as. */
  Read text(DigestInput input) {
    byte[] bytes =
        switch (input.source()) {
          case INLINE -> null;
          case BYTES -> decode(input.value());
          case FILE -> settings.source().read(input.value(), settings.limits().maxBytes());
        };
    DocumentFormat format = input.format().orElseGet(() -> infer(input, bytes));
    String text = bytes == null ? reader.read(input.value(), format) : reader.read(bytes, format);
    return new Read(format, input.title() == null ? text : input.title() + "\n\n" + text);
  }

  /** The format a file's name says, else the one its content looks like. */
  private static DocumentFormat infer(DigestInput input, byte[] bytes) {
    if (input.source() == DigestInput.Source.FILE) {
      Optional<DocumentFormat> named = DocumentFormat.ofFileName(input.value());
      if (named.isPresent()) {
        return named.get();
      }
    }
    return bytes == null ? DocumentFormat.sniff(input.value()) : DocumentFormat.sniff(bytes);
  }

  /** A document's text and the format it was read as. */
  record Read(DocumentFormat format, String text) {}

  private byte[] decode(String base64) {
    try {
      return Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw DocumentException.unreadable("content_base64 is not base64", e);
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
