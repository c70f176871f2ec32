package dev.agentq.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/** Reads {@code Authorization: Bearer <token>} (RFC 6750). */
final class BearerToken {
  private BearerToken() {}

  /** The token, or null when the header is missing or not a bearer token. */
  static String of(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      return null;
    }
    String trimmed = header.strip();
    if (trimmed.length() < 7
        || !trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    String token = trimmed.substring(7).strip();
    return token.isEmpty() ? null : token;
  }
}
