package dev.agentq.worker.agent.research;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Evaluates arithmetic: numbers, {@code + - * / % ^}, parentheses, unary minus and {@code
 * sqrt(...)}. Exact decimal arithmetic where it can be; nothing else is evaluated, so nothing a
 * model writes can run code.
 */
final class Calculator {
  private static final MathContext PRECISION = MathContext.DECIMAL64;
  private final String text;
  private int at;

  private Calculator(String text) {
    this.text = text;
  }

  static BigDecimal evaluate(String expression) {
    if (expression == null || expression.length() > 500) {
      throw new IllegalArgumentException("an expression of at most 500 characters is needed");
    }
    Calculator calculator = new Calculator(expression);
    BigDecimal value = calculator.sum();
    calculator.skipSpaces();
    if (calculator.at != expression.length()) {
      throw new IllegalArgumentException(
          "unexpected '" + expression.charAt(calculator.at) + "' at " + calculator.at);
    }
    return value.stripTrailingZeros();
  }

  private BigDecimal sum() {
    BigDecimal value = product();
    while (true) {
      if (take('+')) {
        value = value.add(product(), PRECISION);
      } else if (take('-')) {
        value = value.subtract(product(), PRECISION);
      } else {
        return value;
      }
    }
  }

  private BigDecimal product() {
    BigDecimal value = power();
    while (true) {
      if (take('*')) {
        value = value.multiply(power(), PRECISION);
      } else if (take('/')) {
        BigDecimal divisor = power();
        if (divisor.signum() == 0) {
          throw new IllegalArgumentException("division by zero");
        }
        value = value.divide(divisor, PRECISION);
      } else if (take('%')) {
        value = value.remainder(power(), PRECISION);
      } else {
        return value;
      }
    }
  }

  private BigDecimal power() {
    BigDecimal base = unary();
    if (take('^')) {
      BigDecimal exponent = power();
      if (exponent.scale() > 0 || exponent.abs().compareTo(BigDecimal.valueOf(999)) > 0) {
        return BigDecimal.valueOf(Math.pow(base.doubleValue(), exponent.doubleValue()));
      }
      int n = exponent.intValueExact();
      return n >= 0
          ? base.pow(n, PRECISION)
          : BigDecimal.ONE.divide(base.pow(-n, PRECISION), PRECISION);
    }
    return base;
  }

  private BigDecimal unary() {
    if (take('-')) {
      return unary().negate();
    }
    if (take('+')) {
      return unary();
    }
    return atom();
  }

  private BigDecimal atom() {
    skipSpaces();
    if (text.startsWith("sqrt", at)) {
      at += 4;
      expect('(');
      BigDecimal value = sum();
      expect(')');
      if (value.signum() < 0) {
        throw new IllegalArgumentException("square root of a negative number");
      }
      return value.sqrt(PRECISION);
    }
    if (take('(')) {
      BigDecimal value = sum();
      expect(')');
      return value;
    }
    int start = at;
    while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
      at++;
    }
    if (start == at) {
      throw new IllegalArgumentException(
          at < text.length()
              ? "unexpected '" + text.charAt(at) + "' at " + at
              : "the expression ends too early");
    }
    return new BigDecimal(text.substring(start, at));
  }

  private boolean take(char symbol) {
    skipSpaces();
    if (at < text.length() && text.charAt(at) == symbol) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char symbol) {
    if (!take(symbol)) {
      throw new IllegalArgumentException("'" + symbol + "' expected at " + at);
    }
  }

  private void skipSpaces() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }
}
