package dev.agentq.worker.model.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits text into lower-case word tokens. */
final class Words {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]++");
  private static final Pattern ADDRESS =
      Pattern.compile("(?<!\\S)(?:\\S{1,200}@\\S{1,200}|(?i:https?://|www\\.)\\S{1,2000})");

  private Words() {}

  /** The words of {@code text}, lower-cased, in order. */
  static List<String> of(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  /** The content words of {@code text}, leaving out e-mail addresses and URLs. */
  static List<String> content(String text) {
    String plain = ADDRESS.matcher(text).replaceAll(" ");
    return of(plain).stream().filter(Words::isContent).toList();
  }

  /** Whether a word is worth looking up: a content word, or a number of three digits or more. */
  static boolean isTerm(String word) {
    return isContent(word) || (word.length() >= 3 && word.chars().allMatch(Character::isDigit));
  }

  /** Whether a word carries meaning for summaries: not a stopword, 3+ chars, has a letter. */
  static boolean isContent(String word) {
    if (word.length() < 3 || Stopwords.isStopword(word)) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
