package dev.agentq.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Correlation ids of requests ({@code X-Request-Id}): the client's own when it sends a sane one,
 * else {@code req_} and 16 random hex digits.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private RequestIds() {}

  static String accept(String offered) {
    if (offered != null && SANE.matcher(offered).matches()) {
      return offered;
    }
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return "req_" + HexFormat.of().formatHex(bytes);
  }

  /** The request's correlation id, or null outside a request the filter saw. */
  public static String of(HttpServletRequest request) {
    return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
  }
}
