package dev.agentq.worker.model.offline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Classifies a document by weighted keyword cues per category, and guesses its language. */
final class Classifier {
  static final String OTHER = "other";

  /** A category with a confidence in [0.35, 0.95], and an ISO 639-1 language code or "und". */
  record Classification(String category, double confidence, String language) {}

  private record Cue(Pattern pattern, int weight) {}

  private static final int MAX_HITS_PER_CUE = 5;
  private static final int MIN_WINNING_SCORE = 2;
  private static final Map<String, List<Cue>> CUES = new LinkedHashMap<>();

  static {
    CUES.put(
        "invoice",
        List.of(
            word("invoice|rechnung|facture|factura", 3),
            word("amount due|bill to|billed to", 3),
            word("subtotal|sub-total|vat|due date|payment terms|unit price|remit to", 2),
            word("total|tax|qty|quantity|balance due", 1)));
    CUES.put(
        "contract",
        List.of(
            word("whereas|hereinafter|governing law|in witness whereof|vertrag", 3),
            word("agreement|contract|parties|hereby|termination|witness|indemnify", 2),
            word("term|shall|party|confidentiality|obligations", 1)));
    CUES.put(
        "report",
        List.of(
            word("executive summary|quarterly report|annual report", 3),
            word("report|quarterly|findings|q[1-4]|year-over-year|year over year", 2),
            word("bericht|rapport|informe", 2),
            word("analysis|results|revenue|summary|fiscal|growth|kpis?|metrics", 1)));
    CUES.put(
        "email",
        List.of(
            new Cue(Pattern.compile("(?im)^[ \\t>]*(?:from|to|subject|cc|sent)[ \\t]*:"), 3),
            new Cue(Pattern.compile("(?im)^[ \\t]*dear\\b"), 2),
            new Cue(Pattern.compile("(?im)^[ \\t]*(?:best|cheers|thanks|sincerely)[ \\t]*,"), 2),
            word("regards|best regards|kind regards", 2)));
    CUES.put(
        "resume",
        List.of(
            word("curriculum vitae|resume|résumé|work history|work experience", 3),
            word("experience|education|skills|employment", 2),
            word("university|bachelor|master|certifications?|references", 1)));
    CUES.put("article", List.of(word("according to|researchers|study|published|reported", 1)));
  }

  private Classifier() {}

  static Classification classify(String text) {
    List<String> words = Words.of(text);
    Map<String, Integer> scores = scores(text, words.size());
    String best = OTHER;
    int bestScore = 0;
    int total = 0;
    for (Map.Entry<String, Integer> entry : scores.entrySet()) {
      total += entry.getValue();
      if (entry.getValue() > bestScore) {
        best = entry.getKey();
        bestScore = entry.getValue();
      }
    }
    String language = Language.detect(words);
    if (bestScore < MIN_WINNING_SCORE) {
      return new Classification(OTHER, 0.35, language);
    }
    double share = bestScore / (double) total;
    double strength = bestScore / (bestScore + 5.0);
    double confidence = Math.clamp(0.35 + 0.6 * share * strength, 0.35, 0.95);
    return new Classification(best, Math.round(confidence * 100) / 100.0, language);
  }

  /** The score of every category; long prose with few other cues scores as an article. */
  static Map<String, Integer> scores(String text, int wordCount) {
    Map<String, Integer> scores = new LinkedHashMap<>();
    int others = 0;
    for (Map.Entry<String, List<Cue>> entry : CUES.entrySet()) {
      int score = 0;
      for (Cue cue : entry.getValue()) {
        score += Math.min(count(cue.pattern(), text), MAX_HITS_PER_CUE) * cue.weight();
      }
      scores.put(entry.getKey(), score);
      others += entry.getKey().equals("article") ? 0 : score;
    }
    if (wordCount >= 120 && others * 25 < wordCount) {
      scores.merge("article", 3 + Math.min(3, wordCount / 250), Integer::sum);
    }
    return scores;
  }

  private static int count(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    int n = 0;
    while (n < MAX_HITS_PER_CUE && m.find()) {
      n++;
    }
    return n;
  }

  /** A case-insensitive cue matching any of the |-separated phrases as whole words. */
  private static Cue word(String phrases, int weight) {
    String alternatives = phrases.replace(" ", "\\s+");
    return new Cue(
        Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
        weight);
  }
}
