package dev.agentq.schemas.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): {@code webhook-signature} is {@code
 * v1,} followed by the base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the secret's
 * bytes (the base64 after {@code whsec_}). With several live secrets (during a rotation) the
 * signatures are sent space-separated, and a receiver accepts the message if any one matches.
 */
public final class WebhookSignature {
  public static final String SECRET_PREFIX = "whsec_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebhookSignature() {}

  /** A new secret: {@code whsec_} and 32 random bytes in base64. */
  public static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@code webhook-signature} header for a message signed with each of {@code secrets}. */
  public static String header(List<String> secrets, String id, long timestamp, String body) {
    List<String> signatures = new ArrayList<>();
    for (String secret : secrets) {
      signatures.add("v1," + sign(secret, id, timestamp, body));
    }
    return String.join(" ", signatures);
  }

  /** The base64 HMAC-SHA256 of {@code id.timestamp.body}. */
  public static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /** Whether any signature of {@code header} is valid for the message under {@code secret}. */
  public static boolean verify(
      String secret, String id, long timestamp, String body, String header) {
    byte[] expected = sign(secret, id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    for (String signature : header.split(" ")) {
      if (signature.startsWith("v1,")
          && MessageDigest.isEqual(
              expected, signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private static byte[] key(String secret) {
    String encoded =
        secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
    return Base64.getDecoder().decode(encoded);
  }
}
