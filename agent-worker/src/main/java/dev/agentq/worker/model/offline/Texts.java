package dev.agentq.worker.model.offline;

import java.util.regex.Pattern;

/** String helpers for the offline model: sanitising odd input, collapsing and clipping text. */
final class Texts {
  /** Input beyond this many characters is not analysed (documents are capped at 200,000). */
  static final int MAX_CHARS = 250_000;

  private static final Pattern WHITESPACE =
      Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF]+");

  private Texts() {}

  /**
   * Caps the text, normalises line breaks to {@code \n} and replaces control characters and
   * unpaired surrogates with spaces, so that binary-ish input can be analysed and written as JSON.
   */
  static String sanitize(String raw) {
    if (raw == null || raw.isEmpty()) {
      return "";
    }
    String s = raw.length() > MAX_CHARS ? raw.substring(0, safeCut(raw, MAX_CHARS)) : raw;
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r') {
        out.append('\n');
        if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        out.append('\n');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)
          || Character.isISOControl(c)
          || c == '\uFFFE'
          || c == '\uFFFF') {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Collapses every run of whitespace (line breaks included) into one space, and trims. */
  static String collapse(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /**
   * Shortens {@code s} to at most {@code max} characters, at a space if one is near, with "...".
   */
  static String clip(String s, int max) {
    if (s.length() <= max) {
      return s;
    }
    int cut = safeCut(s, max - 3);
    int space = s.lastIndexOf(' ', cut);
    if (space >= max / 2) {
      cut = space;
    }
    return s.substring(0, cut).stripTrailing() + "...";
  }

  /** {@code at}, or one less if cutting there would split a surrogate pair. */
  private static int safeCut(String s, int at) {
    return at > 0 && at < s.length() && Character.isLowSurrogate(s.charAt(at)) ? at - 1 : at;
  }
}
