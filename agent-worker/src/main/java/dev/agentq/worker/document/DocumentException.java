package dev.agentq.worker.document;

import dev.agentq.worker.WorkerException;

/**
 * A document that cannot be digested, with a stable code: {@code document_not_allowed} (a file
 * reference outside the documents directory, or none configured), {@code document_too_large} (over
 * a limit), {@code document_unreadable} (missing, damaged, not text) or {@code document_changed} (a
 * file whose text changed between two readings of one job). Only a failing disk is worth a retry.
 */
public final class DocumentException extends WorkerException {
  private static final long serialVersionUID = 1L;

  private DocumentException(String code, String message, boolean retryable, Throwable cause) {
    super(code, message, retryable, cause);
  }

  public static DocumentException notAllowed(String reason) {
    return new DocumentException(
        "document_not_allowed", "the file reference is refused: " + reason, false, null);
  }

  public static DocumentException tooLarge(String reason) {
    return new DocumentException(
        "document_too_large", "the document is too large: " + reason, false, null);
  }

  public static DocumentException unreadable(String reason) {
    return unreadable(reason, null);
  }

  public static DocumentException unreadable(String reason, Throwable cause) {
    return new DocumentException(
        "document_unreadable", "the document cannot be read: " + reason, false, cause);
  }

  /** The disk failed: another attempt may read the file. */
  public static DocumentException ioFailure(String reason, Throwable cause) {
    return new DocumentException(
        "document_unreadable",
        "the document cannot be read: " + reason + "; the job will be tried again",
        true,
        cause);
  }

  public static DocumentException changed(String reason) {
    return new DocumentException(
        "document_changed",
        "the document changed while the job read it: "
            + reason
            + "; submit it again to digest the new version",
        false,
        null);
  }
}
