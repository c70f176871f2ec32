package dev.agentq.worker.model.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds e-mail addresses, URLs and phone numbers. */
final class Contacts {
  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\w.%+-])[A-Za-z0-9._%+-]{1,64}+@[A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,8}"
              + "\\.[A-Za-z]{2,24}(?![\\w-])");
  private static final Pattern URL =
      Pattern.compile("(?i)(?<![\\w@.])(?:https?://|www\\.)[^\\s<>\"'`{}|\\\\^\\[\\]]{2,2000}+");
  private static final Pattern PHONE =
      Pattern.compile(
          "(?<![\\w+./-])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d[\\d .-]{5,18}\\d"
              + "(?![\\w/-]|\\.\\d)");
  private static final Pattern US_PHONE = Pattern.compile("\\d{3}[-. ]\\d{3}[-. ]\\d{4}");
  private static final Pattern PHONE_LABEL =
      Pattern.compile(
          "(?<![\\p{L}])(?:phone|tel|telephone|mobile|mob|cell|fax|call|telefon|tél|téléphone)"
              + "(?![\\p{L}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private Contacts() {}

  static List<String> emails(String text) {
    return all(EMAIL, text);
  }

  /** URLs, without trailing punctuation or an unbalanced closing parenthesis. */
  static List<String> urls(String text) {
    List<String> urls = new ArrayList<>();
    for (String url : all(URL, text)) {
      int end = url.length();
      while (end > 0 && ".,;:!?)".indexOf(url.charAt(end - 1)) >= 0) {
        end--;
      }
      if (end > 4) {
        urls.add(url.substring(0, end));
      }
    }
    return urls;
  }

  /**
   * Phone numbers: 7-15 digits, not a date, and written with a country code or parentheses, in the
   * 555-123-4567 form, or labelled as a phone number earlier on the same line.
   */
  static List<String> phones(String text) {
    List<String> phones = new ArrayList<>();
    Matcher m = PHONE.matcher(text);
    while (m.find()) {
      String candidate = m.group();
      long digits = candidate.chars().filter(Character::isDigit).count();
      if (digits < 7 || digits > 15 || Dates.isNumericDate(candidate)) {
        continue;
      }
      int lineStart = text.lastIndexOf('\n', m.start()) + 1;
      String before = text.substring(Math.max(lineStart, m.start() - 30), m.start());
      if (candidate.startsWith("+")
          || candidate.startsWith("(")
          || US_PHONE.matcher(candidate).matches()
          || PHONE_LABEL.matcher(before).find()) {
        phones.add(candidate);
      }
    }
    return phones;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
