package dev.agentq.schemas;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SHA-256 of a JSON value's canonical form: object keys sorted at every depth, no whitespace. Two
 * bodies that differ only in key order or spacing have the same digest.
 */
public final class JsonDigest {
  private JsonDigest() {}

  public static byte[] sha256(JsonNode value) {
    return sha256(Json.writeBytes(canonical(value)));
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static JsonNode canonical(JsonNode value) {
    if (value.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(value.properties());
      entries.sort(Map.Entry.comparingByKey());
      ObjectNode sorted = Json.object();
      entries.forEach(entry -> sorted.set(entry.getKey(), canonical(entry.getValue())));
      return sorted;
    }
    if (value.isArray()) {
      var array = Json.mapper().createArrayNode();
      value.values().forEach(item -> array.add(canonical(item)));
      return array;
    }
    return value;
  }
}
