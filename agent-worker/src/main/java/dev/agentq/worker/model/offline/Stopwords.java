package dev.agentq.worker.model.offline;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stopword lists for English, German, French and Spanish. */
final class Stopwords {
  /** Per language, the stopwords found in no other list: the ones that tell languages apart. */
  static final Map<String, Set<String>> DISTINCTIVE;

  private static final Map<String, Set<String>> BY_LANGUAGE = new LinkedHashMap<>();
  private static final Set<String> ALL = new HashSet<>();

  static {
    BY_LANGUAGE.put(
        "en",
        words(
            "the and of to in is that for it with as was on are be this by at from or an have",
            "has had not but which we you they will would their been were our your its there",
            "these those can all if more also than into about he she his her i a do does did",
            "such any may should could shall what when who whom where how why them then out up",
            "over after before other some no only very just my me us each per being both most",
            "many much own same too through during while because until against between under",
            "again here now"));
    BY_LANGUAGE.put(
        "de",
        words(
            "der die das und ist nicht mit von zu den dem des ein eine einen einer eines einem",
            "auf für im sich auch es wir sie ich werden wird sind war wurde wurden bei nach aus",
            "oder wie dass über noch nur hat haben kann können durch zum zur vom diese dieser",
            "dieses bis unter um aber wenn man mehr schon sehr ihr ihre sein seine uns unsere",
            "hier dann als alle gegen ohne zwischen jedoch sowie in an"));
    BY_LANGUAGE.put(
        "fr",
        words(
            "le la les et est des une un du de pour que qui dans sur pas par au aux avec ce",
            "cette ces il elle nous vous ils elles sont été être mais ou où ne se son sa ses",
            "leur leurs plus comme tout tous très aussi à en a y on je notre nos votre vos fait",
            "peut entre sans sous chez donc si lui même avoir était"));
    BY_LANGUAGE.put(
        "es",
        words(
            "el la los las y de que en un una unos unas es por para con no se del al lo como",
            "más pero sus su fue son está están este esta estos estas entre cuando muy sin",
            "sobre también hasta hay donde ya nos ha han ser porque le les mi yo ella ellos",
            "todo todos cada desde otro otra según sí qué"));
    Map<String, Set<String>> distinctive = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> entry : BY_LANGUAGE.entrySet()) {
      ALL.addAll(entry.getValue());
      Set<String> own = new HashSet<>(entry.getValue());
      for (Map.Entry<String, Set<String>> other : BY_LANGUAGE.entrySet()) {
        if (!other.getKey().equals(entry.getKey())) {
          own.removeAll(other.getValue());
        }
      }
      distinctive.put(entry.getKey(), Set.copyOf(own));
    }
    DISTINCTIVE = Collections.unmodifiableMap(distinctive);
  }

  private Stopwords() {}

  /** Whether {@code word} (lower case) is a stopword in any of the four languages. */
  static boolean isStopword(String word) {
    return ALL.contains(word);
  }

  private static Set<String> words(String... lines) {
    Set<String> words = new HashSet<>();
    for (String line : lines) {
      words.addAll(List.of(line.split(" ")));
    }
    return Set.copyOf(words);
  }
}
