package dev.agentq.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Text that JSON allows but a database cannot keep: the NUL character ({@code \u0000}) and lone
 * UTF-16 surrogates (such as {@code \ud800}), in keys or in values. Postgres refuses both, so they
 * are refused at the door, with a pointer, instead of failing later.
 */
public final class StorableText {
  public static final String SCHEMA = "storable-text";

  private StorableText() {}

  /**
   * Throws {@link ContractViolationException} if any key or string of {@code value} is unstorable.
   */
  public static void require(JsonNode value) {
    List<Violation> violations = new ArrayList<>();
    collect(value, "", violations);
    if (!violations.isEmpty()) {
      throw new ContractViolationException(SCHEMA, violations);
    }
  }

  private static void collect(JsonNode value, String pointer, List<Violation> violations) {
    if (value.isString()) {
      check(value.asString(), pointer, violations);
    } else if (value.isObject()) {
      for (Map.Entry<String, JsonNode> entry : value.properties()) {
        String child = pointer + "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
        check(entry.getKey(), child, violations);
        collect(entry.getValue(), child, violations);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        collect(value.get(i), pointer + "/" + i, violations);
      }
    }
  }

  private static void check(String text, String pointer, List<Violation> violations) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        violations.add(new Violation(pointer, "text may not contain the NUL character"));
        return;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        violations.add(new Violation(pointer, "text may not contain a lone UTF-16 surrogate"));
        return;
      }
    }
  }
}
