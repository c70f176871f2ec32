package dev.agentq.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Durations as people type and read them: {@code 90s}, {@code 5m}, {@code 1h30m}. */
final class Durations {
  private Durations() {}

  /**
   * Parses {@code 30s}, {@code 5m}, {@code 2h}, {@code 1h30m}, {@code 500ms} or ISO {@code PT5M}.
   */
  static Duration parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.startsWith("pt") || value.startsWith("p")) {
      try {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a duration: " + text);
      }
    }
    if (value.matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    if (!value.matches("(\\d+(ms|h|m|s))+")) {
      throw new IllegalArgumentException("not a duration (such as 30s, 5m, 1h30m): " + text);
    }
    Duration total = Duration.ZERO;
    var matcher = java.util.regex.Pattern.compile("(\\d+)(ms|h|m|s)").matcher(value);
    while (matcher.find()) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              });
    }
    return total;
  }

  /** {@code 45s}, {@code 3m05s}, {@code 2h10m}. */
  static String format(Duration duration) {
    long seconds = Math.max(0, (duration.toMillis() + 999) / 1000);
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
  }
}
