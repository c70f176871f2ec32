package dev.agentq.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code agentq.auth.*}).
 *
 * @param adminKey the key of {@code /v1/admin}; without one the admin API is off
 * @param bootstrapTenant a tenant created at start-up with a key, if it has none (standalone's
 *     {@code default})
 * @param bootstrapKey the bootstrap tenant's key; when empty one is generated and printed once
 * @param keyCacheTtl how long an instance trusts a key it has checked before asking Postgres again;
 *     a revocation or new limits made on another instance take effect here within it ({@code 0}:
 *     ask on every request)
 */
@ConfigurationProperties("agentq.auth")
public record AuthProperties(
    String adminKey,
    String bootstrapTenant,
    String bootstrapKey,
    @DefaultValue("5s") Duration keyCacheTtl) {

  /** Never the keys: a record's default text would print them into logs. */
  @Override
  public String toString() {
    return "AuthProperties[bootstrapTenant=" + bootstrapTenant + "]";
  }
}
