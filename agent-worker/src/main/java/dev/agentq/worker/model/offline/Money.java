package dev.agentq.worker.model.offline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds money amounts with a currency ($1,234.56, €99, 100 USD, EUR 12.50) and percentages. */
final class Money {
  /** An amount, the ISO 4217 code of its currency, and where it starts in the text. */
  record Amount(BigDecimal value, String currency, int start) {}

  private static final String CODES = "USD|EUR|GBP|JPY|CHF|CAD|AUD|INR|CNY|SEK|NOK|DKK|PLN";
  private static final String SYMBOLS = "US\\$|\\$|€|£|¥|₹";
  private static final Map<String, String> SYMBOL_CODES =
      Map.of("US$", "USD", "$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR");
  private static final String NUMBER =
      "(?<num>\\d{1,3}(?:[,.'’]\\d{3})++(?:[.,]\\d{1,2})?|\\d{1,15}+(?:[.,]\\d{1,2})?)(?!\\d)";
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.compile("(?<cur>" + SYMBOLS + ")[ \\t]?" + NUMBER),
          Pattern.compile("(?<![\\p{L}])(?<cur>" + CODES + ")[ \\t]?" + NUMBER),
          Pattern.compile(
              "(?<![\\d.,'’])"
                  + NUMBER
                  + "[ \\t]?(?<cur>"
                  + CODES
                  + "|"
                  + SYMBOLS
                  + ")(?![\\p{L}])"));
  private static final Pattern PERCENT =
      Pattern.compile("(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:[.,]\\d{1,2})?)[ \\t]?%");
  private static final Pattern NON_DIGIT = Pattern.compile("\\D");

  private Money() {}

  /** Every amount found, in order of appearance (an amount may be found twice, e.g. "$5 USD"). */
  static List<Amount> amounts(String text) {
    List<Amount> amounts = new ArrayList<>();
    for (Pattern pattern : PATTERNS) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        String currency = SYMBOL_CODES.getOrDefault(m.group("cur"), m.group("cur"));
        amounts.add(new Amount(parse(m.group("num")), currency, m.start()));
      }
    }
    amounts.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return amounts;
  }

  /** The largest amount, the first of equals; null if there is none. */
  static Amount largest(List<Amount> amounts) {
    Amount largest = null;
    for (Amount amount : amounts) {
      if (largest == null || amount.value().compareTo(largest.value()) > 0) {
        largest = amount;
      }
    }
    return largest;
  }

  /** Percentages as written, normalised to "12.5%". */
  static List<String> percentages(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PERCENT.matcher(text);
    while (m.find()) {
      found.add(m.group(1) + "%");
    }
    return found;
  }

  /** Parses 1,234.56 / 1.234,56 / 1'234 / 99: a last separator before 1-2 digits is decimal. */
  static BigDecimal parse(String number) {
    int last = Math.max(number.lastIndexOf(','), number.lastIndexOf('.'));
    String integer = number;
    String fraction = "";
    if (last >= 0 && number.length() - last - 1 <= 2) {
      integer = number.substring(0, last);
      fraction = number.substring(last + 1);
    }
    String digits = NON_DIGIT.matcher(integer).replaceAll("");
    return new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
  }
}
