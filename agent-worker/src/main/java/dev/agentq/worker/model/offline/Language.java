package dev.agentq.worker.model.offline;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Guesses a text's language (en, de, fr, es, else "und") from its distinctive stopwords. */
final class Language {
  static final String UNDETERMINED = "und";

  private Language() {}

  /** The ISO 639-1 code of the language that the words most likely belong to, or "und". */
  static String detect(List<String> words) {
    String best = UNDETERMINED;
    int bestCount = 0;
    int secondCount = 0;
    for (Map.Entry<String, Set<String>> entry : Stopwords.DISTINCTIVE.entrySet()) {
      int count = 0;
      for (String word : words) {
        if (entry.getValue().contains(word)) {
          count++;
        }
      }
      if (count > bestCount) {
        secondCount = bestCount;
        bestCount = count;
        best = entry.getKey();
      } else if (count > secondCount) {
        secondCount = count;
      }
    }
    // two hits at least, and clearly ahead of the runner-up
    return bestCount >= 2 && bestCount * 2 > secondCount * 3 ? best : UNDETERMINED;
  }
}
