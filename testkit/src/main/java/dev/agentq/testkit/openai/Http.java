package dev.agentq.testkit.openai;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Request checks and JSON responses on a {@link HttpExchange}, as the OpenAI API makes them. */
final class Http {

  private Http() {}

  /** Whether the request carries {@code Authorization: Bearer <non-blank key>}. */
  static boolean authorized(HttpExchange exchange) {
    String value = exchange.getRequestHeaders().getFirst("Authorization");
    return value != null
        && value.regionMatches(true, 0, "Bearer ", 0, 7)
        && !value.substring(7).isBlank();
  }

  /** Answers 401 with the error OpenAI sends when the API key is missing. */
  static void unauthorized(HttpExchange exchange) throws IOException {
    String message =
        "You didn't provide an API key. You need to provide your API key in an"
            + " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
    sendError(exchange, 401, message, ApiHandler.BAD_REQUEST, "invalid_api_key");
  }

  /** The request headers, names in lower case, repeated values joined with {@code ", "}. */
  static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> headers = new HashMap<>();
    for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      headers.merge(name, String.join(", ", header.getValue()), (a, b) -> a + ", " + b);
    }
    return headers;
  }

  /** Answers with an OpenAI error body {@code {"error":{"message","type","param","code"}}}. */
  static void sendError(HttpExchange exchange, int status, String message, String type, String code)
      throws IOException {
    sendJson(exchange, status, Wire.error(message, type, code));
  }

  /** Answers with {@code body} as {@code application/json}. */
  static void sendJson(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = Wire.bytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
