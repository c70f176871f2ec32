package dev.agentq.cli;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** An RFC 9457 problem as the API answers it; {@code code} is the stable part. */
record Problem(int status, String code, String title, String detail, List<String> errors) {

  /** The problem in {@code body}, or one made up from the status when the body is not one. */
  static Problem of(int status, String body) {
    JsonNode node;
    try {
      node = Json.parse(body);
    } catch (RuntimeException notJson) {
      node = null;
    }
    if (node == null || !node.isObject() || !node.path("code").isString()) {
      String code = status >= 500 ? "server_error" : "http_" + status;
      String detail = body == null || body.isBlank() ? null : abbreviate(body.strip());
      return new Problem(status, code, "HTTP " + status, detail, List.of());
    }
    List<String> errors =
        node.path("errors")
            .valueStream()
            .map(e -> e.path("pointer").asString("") + ": " + e.path("message").asString(""))
            .toList();
    return new Problem(
        status,
        node.get("code").asString(),
        node.path("title").asString(null),
        node.path("detail").asString(null),
        errors);
  }

  /** {@code code: detail (HTTP status)}, then one line per violation. */
  String describe() {
    StringBuilder text = new StringBuilder(code);
    String what = detail != null ? detail : title;
    if (what != null && !what.isBlank()) {
      text.append(": ").append(what);
    }
    text.append(" (HTTP ").append(status).append(')');
    for (String error : errors) {
      text.append(System.lineSeparator()).append("  ").append(error);
    }
    return text.toString();
  }

  private static String abbreviate(String text) {
    return text.length() <= 300 ? text : text.substring(0, 300) + "...";
  }
}
