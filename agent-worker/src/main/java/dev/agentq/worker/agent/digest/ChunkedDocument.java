package dev.agentq.worker.agent.digest;

import dev.agentq.worker.document.DocumentException;
import dev.agentq.worker.document.TextSpan;
import java.util.function.Supplier;

/**
 * One job's document as its steps see it: chunks of a text that is either at hand (inline, or kept
 * in the {@code read} checkpoint) or read again on first use, which must then give the very text
 * the checkpoint hashed. Only step bodies ask for text, so any reading happens inside a step.
 */
final class ChunkedDocument {
  private final DocumentText recorded;
  private final Supplier<String> readAgain;
  private String text;

  ChunkedDocument(DocumentText recorded, Supplier<String> readAgain) {
    this.recorded = recorded;
    this.readAgain = readAgain;
    this.text = recorded.text();
  }

  /** How many chunks the text was cut into. */
  int count() {
    return recorded.chunks().size();
  }

  TextSpan span(int index) {
    return recorded.chunks().get(index);
  }

  /** The text of chunk {@code index}, from 0. */
  String chunk(int index) {
    return span(index).of(text());
  }

  /** The whole text. */
  String whole() {
    return text();
  }

  private String text() {
    if (text == null) {
      String again = readAgain.get();
      if (!DigestReader.sha256(again).equals(recorded.sha256())) {
        throw DocumentException.changed(
            "its text is not the one the job's read step recorded ("
                + recorded.chars()
                + " characters)");
      }
      text = again;
    }
    return text;
  }
}
