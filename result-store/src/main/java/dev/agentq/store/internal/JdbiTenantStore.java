package dev.agentq.store.internal;

import dev.agentq.store.Tenant;
import dev.agentq.store.TenantLimits;
import dev.agentq.store.TenantStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link TenantStore} on Postgres through Jdbi. */
public final class JdbiTenantStore implements TenantStore {
  private final Jdbi jdbi;
  private final Clock clock;

  public JdbiTenantStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public Optional<Tenant> create(String id, String name, TenantLimits limits) {
    return jdbi.withExtension(
        TenantDao.class,
        dao ->
            dao.insert(
                id,
                name,
                limits.requestsPerSecond(),
                limits.burst(),
                limits.maxQueuedJobs(),
                now()));
  }

  @Override
  public Tenant ensure(String id, String name) {
    return jdbi.inTransaction(
        handle -> {
          TenantDao dao = handle.attach(TenantDao.class);
          return dao.insert(id, name, null, null, null, now()).or(() -> dao.find(id)).orElseThrow();
        });
  }

  @Override
  public Optional<Tenant> find(String id) {
    return jdbi.withExtension(TenantDao.class, dao -> dao.find(id));
  }

  @Override
  public List<Tenant> list() {
    return jdbi.withExtension(TenantDao.class, TenantDao::list);
  }

  @Override
  public Optional<Tenant> updateLimits(String id, TenantLimits limits) {
    return jdbi.withExtension(
        TenantDao.class,
        dao ->
            dao.updateLimits(
                id, limits.requestsPerSecond(), limits.burst(), limits.maxQueuedJobs(), now()));
  }
}
