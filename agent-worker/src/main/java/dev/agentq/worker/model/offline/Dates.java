package dev.agentq.worker.model.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds calendar dates written as 2026-03-01, 03/01/2026, 01.03.2026, March 1, 2026 or 1 March. */
final class Dates {
  /** A date as written, and whether the text just before it calls it a due date. */
  record Found(String text, boolean due) {}

  private static final String MONTH =
      "(?:january|february|march|april|may|june|july|august|september|october|november"
          + "|december|januar|februar|märz|mai|juni|juli|oktober|dezember"
          + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
  private static final Pattern DATE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}./-])(?:\\d{4}-\\d{1,2}-\\d{1,2}"
              + "|\\d{1,2}[./]\\d{1,2}[./]\\d{4}"
              + "|"
              + MONTH
              + "\\.?[ \\t]{1,3}\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]{1,3}\\d{4}"
              + "|\\d{1,2}(?:st|nd|rd|th)?\\.?[ \\t]{1,3}"
              + MONTH
              + "\\.?,?[ \\t]{1,3}\\d{4})(?![\\p{L}\\p{N}/-]|\\.\\d)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NUMBER = Pattern.compile("\\d+");
  private static final Pattern DUE =
      Pattern.compile(
          "(?<![\\p{L}])(?:due|payable|pay by|fällig|zahlbar|échéance)(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NUMERIC_DATE =
      Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}");

  private Dates() {}

  /** The plausible dates in {@code text}, in order of appearance. */
  static List<Found> find(String text) {
    List<Found> found = new ArrayList<>();
    Matcher m = DATE.matcher(text);
    int previousEnd = 0;
    while (m.find()) {
      if (!plausible(m.group())) {
        continue;
      }
      int lineStart = text.lastIndexOf('\n', m.start()) + 1;
      int from = Math.max(Math.max(lineStart, previousEnd), m.start() - 60);
      boolean due = DUE.matcher(text.substring(from, m.start())).find();
      found.add(new Found(m.group(), due));
      previousEnd = m.end();
    }
    return found;
  }

  /** Whether {@code s}, in full, is written like a numeric date (and so is no phone number). */
  static boolean isNumericDate(String s) {
    return NUMERIC_DATE.matcher(s).matches();
  }

  private static boolean plausible(String date) {
    List<Integer> numbers = new ArrayList<>();
    Matcher m = NUMBER.matcher(date);
    while (m.find()) {
      numbers.add(Integer.parseInt(m.group()));
    }
    int year = numbers.getLast();
    if (numbers.size() == 3 && numbers.getFirst() >= 1000) {
      return inYearRange(numbers.getFirst()) && isMonth(numbers.get(1)) && isDay(numbers.get(2));
    }
    if (numbers.size() == 3) {
      int a = numbers.get(0);
      int b = numbers.get(1);
      return inYearRange(year) && isDay(a) && isDay(b) && (isMonth(a) || isMonth(b));
    }
    return inYearRange(year) && isDay(numbers.getFirst());
  }

  private static boolean inYearRange(int year) {
    return year >= 1900 && year <= 2199;
  }

  private static boolean isMonth(int n) {
    return n >= 1 && n <= 12;
  }

  private static boolean isDay(int n) {
    return n >= 1 && n <= 31;
  }
}
