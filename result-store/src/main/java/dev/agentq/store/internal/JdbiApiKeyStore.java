package dev.agentq.store.internal;

import dev.agentq.store.ApiKey;
import dev.agentq.store.ApiKeyStore;
import dev.agentq.store.KeyHolder;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link ApiKeyStore} on Postgres through Jdbi. */
public final class JdbiApiKeyStore implements ApiKeyStore {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiApiKeyStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  @Override
  public Optional<ApiKey> create(String tenantId, String name, byte[] secretHash, String prefix) {
    if (secretHash.length != 32) {
      throw new IllegalArgumentException("a key hash is a SHA-256 digest of 32 bytes");
    }
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return jdbi.withExtension(
        ApiKeyDao.class,
        dao -> dao.insert(UUID.randomUUID(), tenantId, name, prefix, secretHash, now));
  }

  @Override
  public Optional<KeyHolder> authenticate(byte[] secretHash) {
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.authenticate(secretHash));
  }

  @Override
  public boolean exists(byte[] secretHash) {
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.exists(secretHash));
  }

  @Override
  public List<ApiKey> list(String tenantId) {
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.list(tenantId));
  }

  @Override
  public Optional<ApiKey> revoke(String tenantId, UUID keyId) {
    var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    return jdbi.withExtension(ApiKeyDao.class, dao -> dao.revoke(tenantId, keyId, now));
  }
}
