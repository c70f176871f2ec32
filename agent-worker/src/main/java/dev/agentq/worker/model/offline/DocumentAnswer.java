package dev.agentq.worker.model.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Answers from search results: the passage sentences that share the most words with a question. */
final class DocumentAnswer {
  static final String PREFIX = "From the documents:";
  static final int MAX_SENTENCES = 3;
  static final int MAX_SENTENCE_CHARS = 300;
  private static final int STEM_CHARS = 6;

  /** A result's passages each start a line with the name of their document in brackets. */
  private static final Pattern MARKER = Pattern.compile("(?m)^\\[([^\\]\\n]{1,300})\\] ?");

  private record Candidate(String document, String text, int passage, int index, int score) {}

  private static final Comparator<Candidate> BEST_FIRST =
      Comparator.comparingInt(Candidate::score)
          .reversed()
          .thenComparingInt(Candidate::passage)
          .thenComparingInt(Candidate::index);

  private DocumentAnswer() {}

  /**
   * Up to three of the best-matching sentences (those with two thirds of the best score), in the
   * order of the passages, each group marked with its {@code [document]}; the result itself,
   * plainly, if it holds no passage.
   */
  static String from(String question, String result) {
    List<Candidate> candidates = candidates(question, result);
    if (candidates.isEmpty()) {
      return "The search found nothing: " + ToolAnswers.sentence(result);
    }
    List<Candidate> ranked = new ArrayList<>(candidates);
    ranked.sort(BEST_FIRST);
    int best = ranked.getFirst().score();
    List<Candidate> chosen = new ArrayList<>();
    for (Candidate c : ranked) {
      if (chosen.size() == MAX_SENTENCES || c.score() * 3 < best * 2) {
        break;
      }
      if (chosen.stream()
          .noneMatch(o -> o.document().equals(c.document()) && o.text().equals(c.text()))) {
        chosen.add(c);
      }
    }
    chosen.sort(Comparator.comparingInt(Candidate::passage).thenComparingInt(Candidate::index));
    StringBuilder answer = new StringBuilder(PREFIX);
    String document = null;
    for (Candidate c : chosen) {
      if (!c.document().equals(document)) {
        answer.append(" [").append(c.document()).append(']');
        document = c.document();
      }
      answer.append(' ').append(ToolAnswers.sentence(c.text(), MAX_SENTENCE_CHARS));
    }
    return answer.toString();
  }

  /** Every sentence of every passage, scored by the question's words (stemmed) that it holds. */
  private static List<Candidate> candidates(String question, String result) {
    Set<String> wanted = stems(question);
    List<Candidate> candidates = new ArrayList<>();
    List<MatchResult> markers = MARKER.matcher(result).results().toList();
    for (int p = 0; p < markers.size(); p++) {
      int end = p + 1 < markers.size() ? markers.get(p + 1).start() : result.length();
      String document = Texts.collapse(markers.get(p).group(1));
      List<String> sentences = Sentences.split(result.substring(markers.get(p).end(), end));
      for (int i = 0; i < sentences.size(); i++) {
        Set<String> held = stems(sentences.get(i));
        held.retainAll(wanted);
        candidates.add(new Candidate(document, sentences.get(i), p, i, held.size()));
      }
    }
    return candidates;
  }

  /**
   * The content words and numbers of {@code text}, crudely stemmed: without a plural s, and cut to
   * six characters, so that "approve" matches "approval" and "expenses" matches "expense".
   */
  private static Set<String> stems(String text) {
    Set<String> stems = new HashSet<>();
    for (String word : Words.of(text)) {
      if (!Words.isTerm(word)) {
        continue;
      }
      String w = word;
      if (w.length() > 4 && w.endsWith("ies")) {
        w = w.substring(0, w.length() - 3) + "y";
      } else if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
        w = w.substring(0, w.length() - 1);
      }
      stems.add(w.length() > STEM_CHARS ? w.substring(0, STEM_CHARS) : w);
    }
    return stems;
  }
}
