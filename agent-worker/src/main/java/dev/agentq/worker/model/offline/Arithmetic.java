package dev.agentq.worker.model.offline;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the arithmetic expression in a question and writes it the way the calculator reads it. */
final class Arithmetic {
  /** The calculator evaluates expressions of at most this many characters. */
  static final int MAX_EXPRESSION_CHARS = 500;

  private static final String NUMBER = "\\d+(?:\\.\\d+)?";
  private static final Pattern CURRENCY = Pattern.compile("[$€£¥](?=\\d)");
  private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
  private static final Pattern SQUARE_ROOT =
      Pattern.compile("square root of (" + NUMBER + "|\\([^()]{1,200}\\))");
  private static final Pattern PERCENT_OF =
      Pattern.compile(
          "(" + NUMBER + ") ?(?:%|percent|per cent) of (" + NUMBER + "|\\([^()]{1,200}\\))");
  private static final Pattern WORD_OPERATOR =
      Pattern.compile(
          "(?<=[\\d)]) ?(plus|minus|times|multiplied by|divided by|to the power of|x|×|÷|−|\\*\\*)"
              + " ?(?=[\\d(]|sqrt)");
  private static final Pattern SPACES = Pattern.compile(" +");

  /** Words that ask for a calculation rather than name a subject. */
  private static final Set<String> CUES =
      Set.of(
          "calculate",
          "compute",
          "evaluate",
          "solve",
          "result",
          "value",
          "please",
          "equal",
          "equals",
          "much",
          "many",
          "tell",
          "give",
          "answer");

  private Arithmetic() {}

  /**
   * The expression with the most operators in {@code question}, such as {@code (1200 - 150) * 0.2}
   * or {@code 250 * 17 / 100} for "17% of 250"; empty if there is none. A bare {@code a-b} or
   * {@code a/b} (a range, date, code or ratio as often as a sum) only counts if the rest of the
   * question names no subject.
   */
  static Optional<String> find(String question) {
    String text = normalize(question);
    ExpressionScanner.Match best = ExpressionScanner.best(text);
    if (best == null) {
      return Optional.empty();
    }
    String expression = SPACES.matcher(best.text()).replaceAll(" ").strip();
    if (expression.length() > MAX_EXPRESSION_CHARS) {
      return Optional.empty();
    }
    if (isAmbiguous(expression)) {
      String rest = text.substring(0, best.start()) + " " + text.substring(best.end());
      if (Words.content(rest).stream().anyMatch(word -> !CUES.contains(word))) {
        return Optional.empty();
      }
    }
    return Optional.of(expression);
  }

  /** Lower case, one space between words, symbols and number words rewritten as operators. */
  static String normalize(String question) {
    String text = Texts.collapse(question).toLowerCase(Locale.ROOT);
    text = CURRENCY.matcher(text).replaceAll("");
    text = THOUSANDS.matcher(text).replaceAll("");
    text = SQUARE_ROOT.matcher(text).replaceAll("sqrt($1)");
    text = PERCENT_OF.matcher(text).replaceAll("$2 * $1 / 100");
    Matcher m = WORD_OPERATOR.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String operator =
          switch (m.group(1)) {
            case "plus" -> "+";
            case "minus", "−" -> "-";
            case "divided by", "÷" -> "/";
            case "to the power of", "**" -> "^";
            default -> "*";
          };
      m.appendReplacement(out, " " + Matcher.quoteReplacement(operator) + " ");
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the expression is written like a range, date, code or ratio: a-b, a/b/c, ... */
  private static boolean isAmbiguous(String expression) {
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (!Character.isDigit(c) && c != '.' && c != '-' && c != '/') {
        return false;
      }
    }
    return true;
  }
}
