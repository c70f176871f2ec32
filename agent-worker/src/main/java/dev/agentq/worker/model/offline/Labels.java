package dev.agentq.worker.model.offline;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds labelled fields: title, e-mail headers, contract parties and document numbers. */
final class Labels {
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
  private static final String NUMBER_LABEL =
      "[ \\t]{0,3}(?:#|(?:no|nr|num|number)\\b\\.?|n°|id\\b)?[ \\t]{0,3}[:#.]?[ \\t]{0,3}";
  private static final String ID = "(?=[A-Za-z/-]{0,30}\\d)([A-Za-z0-9][A-Za-z0-9/-]{0,39})";
  private static final Pattern INVOICE_NUMBER =
      Pattern.compile(
          "(?<![\\p{L}])(?:invoice|rechnung(?:snummer)?|facture|factura)" + NUMBER_LABEL + ID,
          FLAGS);
  private static final Pattern ORDER_NUMBER =
      Pattern.compile(
          "(?<![\\p{L}])(?:PO|P\\.O\\.|purchase[ \\t]+order|order)" + NUMBER_LABEL + ID, FLAGS);
  private static final Pattern REFERENCE_NUMBER =
      Pattern.compile("(?<![\\p{L}])(?:reference|ref)\\.?" + NUMBER_LABEL + ID, FLAGS);
  private static final Pattern HEADER =
      Pattern.compile("(?im)^[ \\t>]*(from|to|subject)[ \\t]*:[ \\t]*([^\\n]{1,300})");
  private static final Pattern HEADER_LIKE = Pattern.compile("^[\\p{L}-]{1,20}[ \\t]*:");
  private static final Pattern CONTRACT_HINT =
      Pattern.compile(
          "(?<![\\p{L}])(?:agreement|contract|by and between|parties|hereinafter|vertrag)"
              + "(?![\\p{L}])",
          FLAGS);
  private static final Pattern PARTIES =
      Pattern.compile(
          "(?<![\\p{L}])between (.{2,150}?) and (.{2,150}?)(?=[ ]?[,;:(\"“]|\\. |\\.$|$"
              + "| (?:hereinafter|collectively|each|dated|effective|for|on|as|who|which)\\b)",
          FLAGS);
  private static final Pattern TITLE_MARKUP = Pattern.compile("^[#*=\\-\\s]+");
  private static final Pattern PARTY_END = Pattern.compile("[,;(]");
  private static final Pattern QUOTES_AROUND = Pattern.compile("^[\\s\"“”']+|[\\s\"“”']+$");
  private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[/-]+$");
  private static final int PARTIES_SEARCH_CHARS = 20_000;
  private static final Pattern CORPORATE_SUFFIX =
      Pattern.compile("(?<![\\p{L}])(?:inc|ltd|corp|co|llc|plc|gmbh|ag|sa|bv|nv)$", FLAGS);

  private Labels() {}

  static String invoiceNumber(String text) {
    return firstGroup(INVOICE_NUMBER, text);
  }

  static String orderNumber(String text) {
    return firstGroup(ORDER_NUMBER, text);
  }

  static String referenceNumber(String text) {
    return firstGroup(REFERENCE_NUMBER, text);
  }

  /** The first non-empty line, if it is short, has a letter and is not a "Name: value" header. */
  static String title(String text) {
    for (String line : text.split("\n")) {
      String t = TITLE_MARKUP.matcher(Texts.collapse(line)).replaceFirst("").strip();
      if (t.isEmpty()) {
        continue;
      }
      boolean hasLetter = t.codePoints().anyMatch(Character::isLetter);
      return t.length() <= 100 && hasLetter && !HEADER_LIKE.matcher(t).find() ? t : null;
    }
    return null;
  }

  /** The value of the first "From:", "To:" or "Subject:" header line, by header name. */
  static String header(String text, String name) {
    Matcher m = HEADER.matcher(text);
    while (m.find()) {
      if (m.group(1).equalsIgnoreCase(name)) {
        return m.group(2);
      }
    }
    return null;
  }

  /** The two parties of "... between X and Y ...", if the text reads like a contract. */
  static List<String> parties(String text) {
    if (!CONTRACT_HINT.matcher(text).find()) {
      return List.of();
    }
    String flat = Texts.collapse(text);
    flat = flat.substring(0, Math.min(flat.length(), PARTIES_SEARCH_CHARS));
    Matcher m = PARTIES.matcher(flat);
    if (!m.find()) {
      return List.of();
    }
    String first = cleanParty(PARTY_END.split(m.group(1), 2)[0]);
    String second = cleanParty(m.group(2));
    if (flat.startsWith(".", m.end(2)) && CORPORATE_SUFFIX.matcher(second).find()) {
      second += ".";
    }
    boolean valid =
        first.codePoints().anyMatch(Character::isLetter)
            && second.codePoints().anyMatch(Character::isLetter)
            && !first.equalsIgnoreCase(second);
    return valid ? List.of(first, second) : List.of();
  }

  private static String cleanParty(String party) {
    return QUOTES_AROUND.matcher(party).replaceAll("");
  }

  private static String firstGroup(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? TRAILING_SEPARATORS.matcher(m.group(1)).replaceAll("") : null;
  }
}
