package dev.agentq.worker.model.offline;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An ordered list of at most 20 uniquely named fields, with trimmed values of at most 200 chars.
 */
final class FieldList {
  static final int MAX_FIELDS = 20;
  static final int MAX_VALUE_CHARS = 200;
  static final int MAX_PER_KIND = 5;

  private final Map<String, String> fields = new LinkedHashMap<>();

  /** Adds the field unless the value is blank, the name is taken or the list is full. */
  void add(String name, String value) {
    if (value == null || fields.size() >= MAX_FIELDS || fields.containsKey(name)) {
      return;
    }
    String clean = Texts.clip(Texts.collapse(value), MAX_VALUE_CHARS);
    if (!clean.isEmpty()) {
      fields.put(name, clean);
    }
  }

  /** Adds up to 5 distinct values as {@code base}, {@code base_2}, {@code base_3}, ... */
  void addNumbered(String base, List<String> values) {
    Set<String> seen = new HashSet<>();
    int n = 0;
    for (String value : values) {
      if (n == MAX_PER_KIND) {
        return;
      }
      String key = Texts.collapse(value).toLowerCase(Locale.ROOT);
      if (!key.isEmpty() && seen.add(key)) {
        n++;
        add(n == 1 ? base : base + "_" + n, value);
      }
    }
  }

  /** The fields, by name, in the order they were added. */
  Map<String, String> asMap() {
    return Collections.unmodifiableMap(fields);
  }
}
