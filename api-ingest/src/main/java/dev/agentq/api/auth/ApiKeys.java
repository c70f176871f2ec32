package dev.agentq.api.auth;

import dev.agentq.schemas.JsonDigest;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The text of API keys: {@code aq_} and 32 random bytes in base62 (43 characters). Stores keep only
 * {@link #hash} of a key and its {@link #prefix}; the text itself is shown once, when made.
 */
public final class ApiKeys {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String DIGITS =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int LENGTH = 43;
  private static final int PREFIX_LENGTH = 11;

  /** What a presented key may look like; anything else is refused before any lookup. */
  private static final Pattern PRESENTABLE = Pattern.compile("aq_[A-Za-z0-9_-]{13,200}");

  private ApiKeys() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    BigInteger value = new BigInteger(1, bytes);
    BigInteger base = BigInteger.valueOf(DIGITS.length());
    char[] text = new char[LENGTH];
    for (int i = LENGTH - 1; i >= 0; i--) {
      BigInteger[] division = value.divideAndRemainder(base);
      text[i] = DIGITS.charAt(division[1].intValue());
      value = division[0];
    }
    return "aq_" + new String(text);
  }

  /** Whether {@code key} could be a key at all: {@code aq_} and 13 to 200 URL-safe characters. */
  public static boolean presentable(String key) {
    return key != null && PRESENTABLE.matcher(key).matches();
  }

  public static byte[] hash(String key) {
    return JsonDigest.sha256(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The first characters, which tell keys apart without giving them away. */
  public static String prefix(String key) {
    return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
  }
}
