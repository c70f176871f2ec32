package dev.agentq.worker.agent.digest;

import dev.agentq.worker.document.TextSpan;
import java.util.List;

/**
 * The output of the {@code read} step: what was read and how it is cut into chunks. The text itself
 * is kept only up to a size ({@code agentq.documents.checkpoint-chars}), so that checkpoints stay
 * small; a longer text is read again by the steps that need it, and must hash the same.
 *
 * @param format the format it was read as, such as {@code pdf}
 * @param chars the length of the text
 * @param sha256 the text's SHA-256, hex
 * @param text the text, or null if it was too long to keep
 * @param chunks the chunks' spans in the text; one for a text digested whole
 */
record DocumentText(String format, int chars, String sha256, String text, List<TextSpan> chunks) {
  DocumentText {
    chunks = List.copyOf(chunks);
  }
}
