package dev.agentq.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Authentication settings ({@code agentq.auth.*}).
 *
 * @param adminKey the key of {@code /v1/admin}; without one the admin API is off
 * @param bootstrapTenant a tenant created at start-up with a key, if it has none (standalone's
 *     {@code default})
 * @param bootstrapKey the bootstrap tenant's key; when empty one is generated and printed once
 */
@ConfigurationProperties("agentq.auth")
public record AuthProperties(String adminKey, String bootstrapTenant, String bootstrapKey) {

  /** Never the keys: a record's default text would print them into logs. */
  @Override
  public String toString() {
    return "AuthProperties[bootstrapTenant=" + bootstrapTenant + "]";
  }
}
