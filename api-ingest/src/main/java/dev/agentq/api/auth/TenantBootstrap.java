package dev.agentq.api.auth;

import dev.agentq.store.ApiKey;
import dev.agentq.store.ApiKeyStore;
import dev.agentq.store.TenantStore;
import java.io.PrintStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure a tenant exists with a key at start-up, so that a fresh standalone install can be used
 * at once: the configured key ({@code AGENTQ_API_KEY}) when there is one, else a generated key
 * printed once (to the console, never to the log) if the tenant has no working key yet.
 */
public final class TenantBootstrap {
  private static final Logger log = LoggerFactory.getLogger(TenantBootstrap.class);

  private final TenantStore tenants;
  private final ApiKeyStore keys;
  private final PrintStream console;

  public TenantBootstrap(TenantStore tenants, ApiKeyStore keys, PrintStream console) {
    this.tenants = tenants;
    this.keys = keys;
    this.console = console;
  }

  /**
   * @param tenantId the tenant to make sure of
   * @param configuredKey its key, or null to generate one if it has none
   */
  public void ensure(String tenantId, String configuredKey) {
    tenants.ensure(tenantId, tenantId);
    if (configuredKey != null && !configuredKey.isBlank()) {
      adopt(tenantId, configuredKey.strip());
      return;
    }
    List<ApiKey> working = keys.list(tenantId).stream().filter(key -> !key.revoked()).toList();
    if (!working.isEmpty()) {
      log.info(
          "tenant '{}' has {} working API key(s), such as {}…; set AGENTQ_API_KEY to use a key of"
              + " your choice",
          tenantId,
          working.size(),
          working.getFirst().prefix());
      return;
    }
    String key = ApiKeys.generate();
    keys.create(tenantId, "generated at start-up", ApiKeys.hash(key), ApiKeys.prefix(key));
    console.printf(
        "%nAPI key of tenant '%s' (shown only now; keep it): %s%n"
            + "Send it as: Authorization: Bearer <key>%n%n",
        tenantId, key);
  }

  private void adopt(String tenantId, String key) {
    if (!ApiKeys.presentable(key)) {
      throw new IllegalArgumentException(
          "AGENTQ_API_KEY must be 'aq_' followed by 13 to 200 letters, digits, '-' or '_'");
    }
    byte[] hash = ApiKeys.hash(key);
    if (!keys.exists(hash)) {
      keys.create(tenantId, "AGENTQ_API_KEY", hash, ApiKeys.prefix(key));
    }
    log.info("tenant '{}' accepts AGENTQ_API_KEY ({}…)", tenantId, ApiKeys.prefix(key));
  }
}
