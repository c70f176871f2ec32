package dev.agentq.api.auth;

import java.security.MessageDigest;

/**
 * The admin API's key. Only its hash is kept, and a presented key is compared by hash in constant
 * time, so neither its length nor its content leaks through timing.
 */
public final class AdminKey {
  private final byte[] hash;

  /**
   * @param key the configured key; null or blank turns the admin API off
   */
  public AdminKey(String key) {
    this.hash = key == null || key.isBlank() ? null : ApiKeys.hash(key);
  }

  public boolean enabled() {
    return hash != null;
  }

  public boolean matches(String presented) {
    return hash != null
        && presented != null
        && MessageDigest.isEqual(hash, ApiKeys.hash(presented));
  }

  @Override
  public String toString() {
    return enabled() ? "AdminKey[set]" : "AdminKey[off]";
  }
}
