package dev.agentq.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantsAndKeysIT {
  private final MigratedDatabase db = new MigratedDatabase(2);
  private final TenantStore tenants = db.stores.tenants();
  private final ApiKeyStore keys = db.stores.keys();

  @AfterEach
  void close() {
    db.close();
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aTenantIsCreatedOnceWithItsLimits() {
    var limits = new TenantLimits(5.0, 10, 100);

    Tenant acme = tenants.create("acme", "Acme Corp", limits).orElseThrow();

    assertThat(acme.limits()).isEqualTo(limits);
    assertThat(acme.createdAt()).isEqualTo(db.clock.instant());
    assertThat(tenants.create("acme", "Other", TenantLimits.DEFAULTS)).isEmpty();
    assertThat(tenants.find("acme")).contains(acme);
  }

  @Test
  void ensureCreatesOnlyWhenMissingAndLimitsCanBeChanged() {
    Tenant first = tenants.ensure("default", "Default");
    db.clock.advance(Duration.ofSeconds(1));
    assertThat(tenants.ensure("default", "Renamed")).isEqualTo(first);

    Tenant changed = tenants.updateLimits("default", new TenantLimits(null, 3, null)).orElseThrow();
    assertThat(changed.limits().burst()).isEqualTo(3);
    assertThat(changed.updatedAt()).isAfter(first.updatedAt());
    assertThat(tenants.updateLimits("nobody", TenantLimits.DEFAULTS)).isEmpty();
    assertThat(tenants.list()).extracting(Tenant::id).containsExactly("default");
  }

  @Test
  void aKeyAuthenticatesByItsHashUntilRevoked() {
    tenants.ensure("acme", "Acme");
    ApiKey key = keys.create("acme", "ci", sha256("aq_secret"), "aq_secr").orElseThrow();

    KeyHolder holder = keys.authenticate(sha256("aq_secret")).orElseThrow();
    assertThat(holder.key()).isEqualTo(key);
    assertThat(holder.tenant().id()).isEqualTo("acme");
    assertThat(keys.authenticate(sha256("aq_other"))).isEmpty();

    db.clock.advance(Duration.ofMinutes(1));
    ApiKey revoked = keys.revoke("acme", key.id()).orElseThrow();
    assertThat(revoked.revokedAt()).isEqualTo(db.clock.instant());
    assertThat(keys.authenticate(sha256("aq_secret"))).isEmpty();
    assertThat(keys.exists(sha256("aq_secret"))).isTrue();

    db.clock.advance(Duration.ofMinutes(1));
    assertThat(keys.revoke("acme", key.id()))
        .as("revoking again changes nothing")
        .contains(revoked);
  }

  @Test
  void keysBelongToTheirTenant() {
    tenants.ensure("acme", "Acme");
    tenants.ensure("globex", "Globex");
    ApiKey key = keys.create("acme", "ci", sha256("aq_a"), "aq_a").orElseThrow();

    assertThat(keys.revoke("globex", key.id())).isEmpty();
    assertThat(keys.list("globex")).isEmpty();
    assertThat(keys.list("acme")).containsExactly(key);
    assertThat(keys.create("nobody", "x", sha256("aq_b"), "aq_b")).isEmpty();
    assertThat(keys.revoke("acme", UUID.randomUUID())).isEmpty();
  }
}
