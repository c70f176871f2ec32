package dev.agentq.api.support;

import dev.agentq.testkit.webhook.ReceivedWebhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a webhook receiver does with a message: the README's verification, written out here on its
 * own rather than through agentq's signing code, so that a test checks the signature as a customer
 * would.
 */
public final class Receivers {
  private Receivers() {}

  /** Whether one of the message's signatures is valid under {@code secret}. */
  public static boolean verify(String secret, ReceivedWebhook message) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String signed =
          message.id() + "." + message.headers().get("webhook-timestamp") + "." + message.body();
      byte[] expected =
          Base64.getEncoder().encode(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
      for (String signature : message.signature().split(" ")) {
        if (signature.startsWith("v1,")
            && MessageDigest.isEqual(
                expected, signature.substring(3).getBytes(StandardCharsets.US_ASCII))) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
