package dev.agentq.worker.model.offline;

import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises arithmetic in the calculator's grammar: + - * / % ^, parentheses and sqrt(...). */
final class ExpressionScanner {
  /** An expression found in a text: where it starts and ends, and its number of operators. */
  record Match(String text, int start, int end, int operators) {}

  private static final int MAX_DEPTH = 40;
  private static final Pattern NUMBER = Pattern.compile("\\d++(?:\\.\\d++)?+(?![\\p{L}\\p{N}])");

  private final String text;
  private int at;
  private int operators;
  private int depth;

  private ExpressionScanner(String text) {
    this.text = text;
  }

  /**
   * The expression with the most operators (sqrt counts as one) that starts at a word boundary and
   * does not run into a word; the first of equals; null if none has an operator.
   */
  static Match best(String text) {
    Match best = null;
    int start = 0;
    while (start < text.length()) {
      ExpressionScanner scanner = new ExpressionScanner(text);
      scanner.at = start;
      if (canStart(text, start) && scanner.sum() && scanner.operators > 0) {
        Match match =
            new Match(text.substring(start, scanner.at), start, scanner.at, scanner.operators);
        if (best == null || match.operators() > best.operators()) {
          best = match;
        }
        start = scanner.at;
      } else {
        start++;
      }
    }
    return best;
  }

  private static boolean canStart(String text, int i) {
    char c = text.charAt(i);
    if (!Character.isDigit(c) && c != '(' && c != '-' && !text.startsWith("sqrt", i)) {
      return false;
    }
    char before = i == 0 ? ' ' : text.charAt(i - 1);
    boolean joined = // as in INV-2026 or v1.2
        "-/.".indexOf(before) >= 0 && i > 1 && Character.isLetterOrDigit(text.charAt(i - 2));
    return !Character.isLetterOrDigit(before) && !joined;
  }

  private boolean sum() {
    return chain("+-", this::product);
  }

  /** Products of powers; nothing is evaluated, so the associativity of ^ does not matter. */
  private boolean product() {
    return chain("*/%", () -> chain("^", this::unary));
  }

  /** Operands joined by any of {@code symbols}; backs off an operator that has no operand. */
  private boolean chain(String symbols, BooleanSupplier operand) {
    if (!operand.getAsBoolean()) {
      return false;
    }
    while (true) {
      int save = at;
      int savedOperators = operators;
      skipSpace();
      if (at < text.length() && symbols.indexOf(text.charAt(at)) >= 0) {
        at++;
        if (operand.getAsBoolean()) {
          operators++;
          continue;
        }
      }
      at = save;
      operators = savedOperators;
      return true;
    }
  }

  private boolean unary() {
    skipSpace();
    if (at < text.length() && (text.charAt(at) == '-' || text.charAt(at) == '+')) {
      at++;
      return nested(this::unary);
    }
    return atom();
  }

  private boolean atom() {
    boolean root = text.startsWith("sqrt", at);
    if (root) {
      at += 4;
      skipSpace();
    }
    if (take('(')) {
      boolean inner = nested(this::sum);
      skipSpace();
      if (inner && take(')')) {
        operators += root ? 1 : 0;
        return true;
      }
      return false;
    }
    return !root && number();
  }

  /** Digits, optionally a decimal part, and no letter or digit right after. */
  private boolean number() {
    Matcher m = NUMBER.matcher(text).region(at, text.length());
    boolean found = m.lookingAt();
    at = found ? m.end() : at;
    return found;
  }

  /** Runs {@code inner} one level deeper, failing beyond the maximum depth. */
  private boolean nested(BooleanSupplier inner) {
    if (depth >= MAX_DEPTH) {
      return false;
    }
    depth++;
    boolean ok = inner.getAsBoolean();
    depth--;
    return ok;
  }

  private boolean take(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
  }
}
