package dev.agentq.worker.document;

import java.util.regex.Pattern;

/**
 * Markdown as plain text: the words without the markup. Headings, list items, quotes and table rows
 * keep their lines; emphasis, code spans, links (their text stays), images (their alt text stays),
 * inline HTML, fences and link definitions go. Code blocks are kept as written.
 */
final class MarkdownText {
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*");
  private static final Pattern LINK_DEFINITION =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*\\S.*");
  private static final Pattern RULE =
      Pattern.compile("^\\s{0,3}(?:(?:-\\s*){3,}|(?:\\*\\s*){3,}|(?:_\\s*){3,}|=+)$");
  private static final Pattern TABLE_DIVIDER =
      Pattern.compile("^\\s*\\|?(?:\\s*:?-+:?\\s*\\|)+\\s*(?::?-+:?)?\\s*$");
  private static final Pattern HEADING =
      Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
  private static final Pattern QUOTE = Pattern.compile("^\\s{0,3}(?:>\\s?)+");
  private static final Pattern LIST_ITEM =
      Pattern.compile("^(\\s*)(?:[-*+]|\\d{1,9}[.)])\\s+(?:\\[[ xX]\\]\\s+)?");
  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LINK =
      Pattern.compile("\\[([^\\]]+)\\](?:\\([^)]*\\)|\\[[^\\]]*\\])");
  private static final Pattern AUTOLINK =
      Pattern.compile("<((?:https?|mailto):[^>\\s]+|[^@>\\s]+@[^>\\s]+)>");
  private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  private static final Pattern STAR_EMPHASIS = Pattern.compile("\\*(?=\\S)(.+?)(?<=\\S)\\*");
  private static final Pattern UNDERSCORE_EMPHASIS =
      Pattern.compile("(?<![\\p{L}\\p{N}_])_(?=\\S)(.+?)(?<=\\S)_(?![\\p{L}\\p{N}_])");
  private static final Pattern STRIKE = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~<])");

  /** Escaped characters hide in the Private Use Area while the inline patterns run. */
  private static final char HIDDEN = '\uE000';

  /** Longer lines keep their inline markup: the patterns could take quadratic time on them. */
  private static final int MAX_INLINE_CHARS = 10_000;

  private MarkdownText() {}

  static String read(String markdown) {
    StringBuilder text = new StringBuilder(markdown.length());
    boolean inCode = false;
    for (String line : markdown.split("\n", -1)) {
      if (FENCE.matcher(line).matches()) {
        inCode = !inCode;
        text.append('\n');
      } else if (inCode) {
        text.append(line).append('\n');
      } else if (RULE.matcher(line).matches()) {
        text.append('\n');
      } else if (!LINK_DEFINITION.matcher(line).matches()
          && !TABLE_DIVIDER.matcher(line).matches()) {
        text.append(inline(block(line))).append('\n');
      }
    }
    return text.toString();
  }

  /** The line without its heading, quote, list or table markers. */
  private static String block(String line) {
    String s = QUOTE.matcher(line).replaceFirst("");
    s = HEADING.matcher(s).replaceFirst("$1");
    s = LIST_ITEM.matcher(s).replaceFirst("$1");
    if (s.strip().startsWith("|")) {
      s = s.strip().replaceAll("^\\||\\|$", "").strip().replaceAll("\\s*\\|\\s*", "  ");
    }
    return s;
  }

  private static String inline(String line) {
    if (line.length() > MAX_INLINE_CHARS) {
      return line;
    }
    String s =
        ESCAPE
            .matcher(line)
            .replaceAll(m -> String.valueOf((char) (HIDDEN + m.group(1).charAt(0))));
    s = IMAGE.matcher(s).replaceAll("$1");
    s = LINK.matcher(s).replaceAll("$1");
    s = AUTOLINK.matcher(s).replaceAll("$1");
    s = TAG.matcher(s).replaceAll("");
    s = CODE_SPAN.matcher(s).replaceAll("$2");
    s = STRONG.matcher(s).replaceAll("$2");
    s = STAR_EMPHASIS.matcher(s).replaceAll("$1");
    s = UNDERSCORE_EMPHASIS.matcher(s).replaceAll("$1");
    s = STRIKE.matcher(s).replaceAll("$1");
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      out.append(c >= HIDDEN && c < HIDDEN + 128 ? (char) (c - HIDDEN) : c);
    }
    return out.toString();
  }
}
