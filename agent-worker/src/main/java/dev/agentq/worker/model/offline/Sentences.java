package dev.agentq.worker.model.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits text into sentences at ., ! and ? (minding abbreviations) and at line structure. */
final class Sentences {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp", "vs",
          "e.g", "i.e", "eg", "ie", "cf", "approx", "no", "nr", "fig", "figs", "dept", "est", "al",
          "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
          "a.m", "p.m", "u.s", "u.k", "z.b", "d.h", "bzw", "ca", "pp", "vol", "resp", "mt", "ave",
          "gen", "gov", "sgt", "capt", "rev", "hon", "ref");

  private static final Pattern ENUMERATOR = Pattern.compile("(?:\\d{1,3}|[a-z]|[ivxIVX]{1,4})[.)]");
  private static final int WRAPPED_LINE_MIN_CHARS = 40;

  private Sentences() {}

  /** The sentences of {@code text}, each with its whitespace collapsed; never blank ones. */
  static List<String> split(String text) {
    List<String> sentences = new ArrayList<>();
    for (String block : blocks(text)) {
      splitBlock(block, sentences);
    }
    return sentences;
  }

  /**
   * Joins lines into blocks: a blank line ends a block, and so does a line break unless a long line
   * runs on into one that starts in lower case (wrapped prose).
   */
  private static List<String> blocks(String text) {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    String previous = "";
    for (String raw : text.split("\n", -1)) {
      String line = Texts.collapse(raw);
      if (line.isEmpty() || (!current.isEmpty() && !continues(previous, line))) {
        addIfNotBlank(current.toString(), blocks);
        current.setLength(0);
      }
      if (!line.isEmpty()) {
        current.append(current.isEmpty() ? "" : " ").append(line);
      }
      previous = line;
    }
    addIfNotBlank(current.toString(), blocks);
    return blocks;
  }

  /** Whether {@code line} continues a wrapped prose line rather than starting a new item. */
  private static boolean continues(String previous, String line) {
    return previous.length() >= WRAPPED_LINE_MIN_CHARS
        && ".!?:;".indexOf(previous.charAt(previous.length() - 1)) < 0
        && Character.isLowerCase(line.codePointAt(0));
  }

  private static void splitBlock(String block, List<String> out) {
    int start = 0;
    int i = 0;
    int n = block.length();
    while (i < n) {
      char c = block.charAt(i);
      if (c != '.' && c != '!' && c != '?') {
        i++;
        continue;
      }
      int end = i + 1;
      while (end < n && ".!?\"'”’)]".indexOf(block.charAt(end)) >= 0) {
        end++;
      }
      boolean atBoundary =
          end == n
              || (block.charAt(end) == ' '
                  && end + 1 < n
                  && !Character.isLowerCase(block.codePointAt(end + 1))
                  && !(c == '.' && isAbbreviation(block, i))
                  && !ENUMERATOR.matcher(block.substring(start, end).strip()).matches());
      if (atBoundary) {
        addIfNotBlank(block.substring(start, end), out);
        start = end;
      }
      i = end;
    }
    addIfNotBlank(block.substring(start), out);
  }

  /** Whether the word that ends with the period at {@code dot} is an abbreviation or initial. */
  private static boolean isAbbreviation(String block, int dot) {
    int from = dot;
    while (from > 0
        && (Character.isLetter(block.charAt(from - 1)) || block.charAt(from - 1) == '.')) {
      from--;
    }
    String word = block.substring(from, dot);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static void addIfNotBlank(String sentence, List<String> out) {
    String s = sentence.strip();
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        out.add(s);
        return;
      }
    }
  }
}
