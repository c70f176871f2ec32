package dev.agentq.worker.model.offline;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import java.util.ArrayList;
import java.util.List;

/** Writes the plain-text answer to a question from the results of the tool calls made for it. */
final class ToolAnswers {
  static final int MAX_RESULT_CHARS = 400;
  private static final String ERROR = "error:";

  private ToolAnswers() {}

  /** One sentence or extract per result, in order, one per line. */
  static String answer(String question, List<ToolExecutionResultMessage> results) {
    List<String> answers = new ArrayList<>();
    for (ToolExecutionResultMessage result : results) {
      String answer = answer(question, result);
      if (!answers.contains(answer)) {
        answers.add(answer);
      }
    }
    return String.join("\n", answers);
  }

  private static String answer(String question, ToolExecutionResultMessage result) {
    String tool = result.toolName() == null ? "" : result.toolName();
    String text = Texts.sanitize(result.text()).strip();
    if (text.isEmpty()) {
      return "The " + tool + " tool returned nothing.";
    }
    if (text.regionMatches(true, 0, ERROR, 0, ERROR.length())) {
      String why = sentence(text.substring(ERROR.length()));
      return tool.equals(ToolUse.CALCULATE)
          ? "The calculation failed: " + why
          : "The " + tool + " tool failed: " + why;
    }
    return switch (tool) {
      case ToolUse.CALCULATE -> "The result is " + sentence(text);
      case ToolUse.SEARCH -> DocumentAnswer.from(question, text);
      default -> "The " + tool + " tool returned: " + sentence(text);
    };
  }

  /** The text on one line, clipped, and ending with a full stop (or other end punctuation). */
  static String sentence(String text) {
    return sentence(text, MAX_RESULT_CHARS);
  }

  /** The text on one line, clipped to {@code max} characters, and ending like a sentence. */
  static String sentence(String text, int max) {
    String s = Texts.clip(Texts.collapse(text), max);
    int end = s.length();
    while (end > 0 && "\"'”’)]".indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.isEmpty() || (end > 0 && ".!?…".indexOf(s.charAt(end - 1)) >= 0) ? s : s + ".";
  }
}
