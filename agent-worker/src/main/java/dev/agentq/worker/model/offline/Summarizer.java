package dev.agentq.worker.model.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Extractive summaries: picks the sentences whose content words are most frequent. */
final class Summarizer {
  static final int SUMMARY_MAX_CHARS = 600;
  static final int KEY_POINT_MAX_CHARS = 160;
  static final int MAX_KEY_POINTS = 5;
  static final String EMPTY_SUMMARY = "The document contains no text.";

  /** The summary, and the key points in order of importance. */
  record Summary(String summary, List<String> keyPoints) {}

  private record Scored(int index, String text, double score) {}

  private static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::index);

  private Summarizer() {}

  /** The top sentences (up to 3, in document order) and up to 5 key points; never empty. */
  static Summary summarize(String text) {
    List<Scored> ranked = rank(Sentences.split(text));
    if (ranked.isEmpty()) {
      return new Summary(EMPTY_SUMMARY, List.of());
    }
    int wanted = Math.clamp((ranked.size() + 2) / 3, 1, 3);
    List<Scored> chosen = new ArrayList<>();
    int length = 0;
    for (Scored s : ranked) {
      if (chosen.size() == wanted) {
        break;
      }
      int added = s.text().length() + (chosen.isEmpty() ? 0 : 1);
      if (length + added <= SUMMARY_MAX_CHARS) {
        chosen.add(s);
        length += added;
      }
    }
    String summary;
    if (chosen.isEmpty()) {
      summary = Texts.clip(ranked.getFirst().text(), SUMMARY_MAX_CHARS);
    } else {
      chosen.sort(Comparator.comparingInt(Scored::index));
      summary = String.join(" ", chosen.stream().map(Scored::text).toList());
    }
    return new Summary(summary, keyPoints(ranked));
  }

  private static List<String> keyPoints(List<Scored> ranked) {
    List<String> points = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (Scored s : ranked) {
      if (points.size() == MAX_KEY_POINTS) {
        break;
      }
      String key = s.text().toLowerCase(Locale.ROOT);
      if (seen.stream().noneMatch(k -> k.contains(key) || key.contains(k))) {
        seen.add(key);
        points.add(Texts.clip(s.text(), KEY_POINT_MAX_CHARS));
      }
    }
    return points;
  }

  /**
   * Distinct sentences, best first: mean normalised frequency of their content words, discounted
   * for fragments, plus a bonus for coming early.
   */
  private static List<Scored> rank(List<String> sentences) {
    List<List<String>> words = new ArrayList<>(sentences.size());
    Map<String, Integer> frequency = new HashMap<>();
    for (String sentence : sentences) {
      List<String> content = Words.content(sentence);
      words.add(content);
      content.forEach(w -> frequency.merge(w, 1, Integer::sum));
    }
    double maxFrequency = frequency.values().stream().mapToInt(Integer::intValue).max().orElse(1);
    double earlyWindow = Math.max(5.0, sentences.size() * 0.3);
    List<Scored> scored = new ArrayList<>();
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      if (!distinct.add(sentence.toLowerCase(Locale.ROOT))) {
        continue;
      }
      double sum = 0;
      for (String w : words.get(i)) {
        sum += frequency.get(w) / maxFrequency;
      }
      double score = sum / Math.max(8, words.get(i).size());
      if (Words.of(sentence).size() < 5) {
        score *= 0.5;
      }
      if (".!?".indexOf(sentence.charAt(sentence.length() - 1)) < 0) {
        score *= 0.7; // a heading, table row or header line rather than prose
      }
      score += 0.12 * Math.max(0.0, 1.0 - i / earlyWindow);
      scored.add(new Scored(i, sentence, score));
    }
    scored.sort(BEST_FIRST);
    return scored;
  }
}
