package dev.agentq.api.support;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/**
 * Request bodies that no API may accept, made from a seed so that a failure can be replayed: wrong
 * types, deep nesting, huge strings, bad UTF-8, truncations, NUL characters, lone surrogates,
 * absurd numbers and random bytes. Each is named by how it was made.
 */
public final class HostileBodies {
  /** A body and how it was made. */
  public record Body(String name, byte[] bytes) {}

  private static final String VALID_INPUT = "{\"document\":\"Invoice 7, total $12.\"}";
  private static final String[] WRONG_VALUES = {
    "null",
    "true",
    "0",
    "-1",
    "1.5e308",
    "\"\"",
    "\"x\"",
    "[]",
    "[1,2]",
    "{}",
    "{\"a\":{}}",
    "[[[]]]"
  };
  private static final String[] FIELDS = {"agent", "input", "thread_id", "webhook_url", "metadata"};

  private final Random random;
  private final List<Body> bodies = new ArrayList<>();

  private HostileBodies(long seed) {
    this.random = new Random(seed);
  }

  public static List<Body> make(long seed) {
    HostileBodies maker = new HostileBodies(seed);
    maker.wrongTypes();
    maker.deepNesting();
    maker.hugeStrings();
    maker.badUtf8();
    maker.truncations();
    maker.nastyStrings();
    maker.absurdNumbers();
    maker.unstorableText();
    maker.randomBytes(500);
    return List.copyOf(maker.bodies);
  }

  private void add(String name, String json) {
    bodies.add(new Body(name, json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String valid(String field, String value) {
    StringBuilder body =
        new StringBuilder("{\"agent\":\"document-digest\",\"input\":" + VALID_INPUT);
    body.append(",\"").append(field).append("\":").append(value).append('}');
    return body.toString();
  }

  private void wrongTypes() {
    for (String field : FIELDS) {
      for (String value : WRONG_VALUES) {
        String body =
            switch (field) {
              case "agent" -> "{\"agent\":" + value + ",\"input\":" + VALID_INPUT + "}";
              case "input" -> "{\"agent\":\"document-digest\",\"input\":" + value + "}";
              default -> valid(field, value);
            };
        if (!acceptable(field, value)) {
          add("wrong type " + field + "=" + value, body);
        }
      }
      add("unknown field next to " + field, valid("x_" + field, "1"));
    }
    for (String value : WRONG_VALUES) {
      if (!value.equals("\"x\"")) {
        add(
            "document=" + value,
            "{\"agent\":\"document-digest\",\"input\":{\"document\":" + value + "}}");
      }
      if (!value.equals("\"\"") && !value.equals("\"x\"")) {
        add("metadata value=" + value, valid("metadata", "{\"k\":" + value + "}"));
      }
      add("whole body=" + value, value);
    }
  }

  /** The wrong-looking values that the contract allows: empty metadata, a plain thread id. */
  private static boolean acceptable(String field, String value) {
    return (field.equals("metadata") && value.equals("{}"))
        || (field.equals("thread_id") && value.equals("\"x\""));
  }

  private void deepNesting() {
    for (int depth : new int[] {600, 1001, 2000, 5000, 20000}) {
      add(
          "arrays " + depth + " deep in input",
          "{\"agent\":\"document-digest\",\"input\":{\"document\":"
              + "[".repeat(depth)
              + "]".repeat(depth)
              + "}}");
      add(
          "objects " + depth + " deep in metadata",
          valid("metadata", "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)));
      add("unclosed " + depth + " deep", "[".repeat(depth));
      add("objects " + depth + " deep as body", "{\"a\":".repeat(depth) + "{}" + "}".repeat(depth));
    }
  }

  private void hugeStrings() {
    for (int size : new int[] {70_000, 300_000, 900_000}) {
      String big = "x".repeat(size);
      add("agent of " + size, "{\"agent\":\"" + big + "\",\"input\":" + VALID_INPUT + "}");
      add("thread_id of " + size, valid("thread_id", "\"" + big + "\""));
      add("webhook_url of " + size, valid("webhook_url", "\"https://" + big + "\""));
      add("metadata value of " + size, valid("metadata", "{\"k\":\"" + big + "\"}"));
      add("metadata key of " + size, valid("metadata", "{\"" + big + "\":\"v\"}"));
      add("field name of " + size, valid(big, "1"));
    }
    add("over the body limit", valid("metadata", "{\"k\":\"" + "y".repeat(1_100_000) + "\"}"));
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 5000; i++) {
      many.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
    }
    add("5000 metadata keys", valid("metadata", many.append('}').toString()));
  }

  private void badUtf8() {
    byte[][] sequences = {
      {(byte) 0xFF},
      {(byte) 0xC3, 0x28},
      {(byte) 0xE2, (byte) 0x82},
      {(byte) 0xC0, (byte) 0xAF},
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80},
      {(byte) 0x80},
      {(byte) 0xFE, (byte) 0xFF}
    };
    byte[] template =
        ("{\"agent\":\"document-digest\",\"input\":{\"document\":\"AB\"},\"metadata\":{\"k\":\"CD\"}}")
            .getBytes(StandardCharsets.UTF_8);
    for (byte[] sequence : sequences) {
      for (int at = 0; at < template.length; at += 3) {
        bodies.add(
            new Body(
                "bad UTF-8 " + HexFormat.of().formatHex(sequence) + " at " + at,
                splice(template, at, sequence)));
      }
    }
  }

  private void truncations() {
    String full =
        "{\"agent\":\"document-digest\",\"input\":{\"document\":\"Total: $5\",\"title\":\"t\"},"
            + "\"thread_id\":\"t-1\",\"metadata\":{\"a\":\"b\"}}";
    for (int end = 0; end < full.length(); end++) {
      add("truncated at " + end, full.substring(0, end));
    }
    add("trailing garbage", full + "x");
    add("two documents", full + full);
    add("duplicate key", "{\"agent\":\"document-digest\",\"agent\":\"x\",\"input\":{}}");
  }

  private void nastyStrings() {
    String[] nasty = {
      "\\u0000", "a\\u0000b", "\\ud800", "\\udfff", "\\ud800\\u0041", "\\uDBFF\\uDBFF",
      "\u0001", "\\x41", "\\u12", "\\", "\t", "\n"
    };
    for (String value : nasty) {
      add(
          "document with " + value,
          "{\"agent\":\"document-digest\",\"input\":{\"document\":\""
              + value
              + "\",\"pages\":-1}}");
      add(
          "metadata with " + value,
          valid("metadata", "{\"k\":\"" + value + "\",\"bad key!\":\"v\"}"));
      add("agent with " + value, "{\"agent\":\"" + value + "\",\"input\":{}}");
      add(
          "input key with " + value,
          "{\"agent\":\"document-digest\",\"input\":{\"" + value + "\":1}}");
    }
  }

  /** Valid in every other way: only the text is unstorable. */
  private void unstorableText() {
    String[] unstorable = {
      "\\u0000", "a\\u0000", "\\ud800", "x\\udfffy", "\\ud800\\ud800", "\\udbff"
    };
    for (String text : unstorable) {
      add(
          "storable otherwise: document " + text,
          "{\"agent\":\"document-digest\",\"input\":{\"document\":\"" + text + "\"}}");
      add(
          "storable otherwise: input key " + text,
          "{\"agent\":\"document-digest\",\"input\":{\"document\":\"d\",\"" + text + "\":1}}");
      add("storable otherwise: metadata " + text, valid("metadata", "{\"k\":\"" + text + "\"}"));
      add("storable otherwise: tenant name " + text, "{\"id\":\"t\",\"name\":\"" + text + "\"}");
    }
  }

  private void absurdNumbers() {
    String[] numbers = {
      "1e999999",
      "-1e999999",
      "1" + "0".repeat(2000),
      "0x10",
      "01",
      "NaN",
      "Infinity",
      "-",
      "1.",
      ".5",
      "1e",
      "+1"
    };
    for (String number : numbers) {
      add(
          "document=" + number,
          "{\"agent\":\"document-digest\",\"input\":{\"document\":" + number + "}}");
      add("max_attempts=" + number, valid("max_attempts", number));
    }
  }

  private void randomBytes(int count) {
    byte[] starts = "#}]:,;'<>@!%^&*()=".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < count; i++) {
      byte[] bytes = new byte[1 + random.nextInt(i % 10 == 0 ? 20_000 : 300)];
      random.nextBytes(bytes);
      bytes[0] = starts[random.nextInt(starts.length)];
      bodies.add(new Body("random bytes #" + i, bytes));
    }
  }

  private static byte[] splice(byte[] template, int at, byte[] inserted) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(template, 0, at);
    out.writeBytes(inserted);
    out.write(template, at, template.length - at);
    return out.toByteArray();
  }
}
