package dev.agentq.worker.agent.digest;

import java.util.List;
import java.util.Locale;

/** Output of the {@code classify} step. */
record Classification(String category, double confidence, String language) {
  static final List<String> CATEGORIES =
      List.of("invoice", "contract", "report", "email", "resume", "article", "other");

  Classification {
    if (category == null || !CATEGORIES.contains(category.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("category must be one of " + CATEGORIES);
    }
    category = category.toLowerCase(Locale.ROOT);
    confidence = Math.max(0, Math.min(1, confidence));
    language = language == null || language.isBlank() ? "und" : language;
  }
}
