package dev.agentq.store;

import dev.agentq.store.internal.JdbiApiKeyStore;
import dev.agentq.store.internal.JdbiJobStore;
import dev.agentq.store.internal.JdbiOutboxStore;
import dev.agentq.store.internal.JdbiSetup;
import dev.agentq.store.internal.JdbiSubmissionStore;
import dev.agentq.store.internal.JdbiTenantStore;
import dev.agentq.store.internal.PostgresJobEventSignals;
import dev.agentq.store.internal.PostgresRateLimiter;
import java.time.Clock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The stores of one Postgres database.
 *
 * @param jobs jobs, checkpoints and events
 * @param outbox messages waiting to be published
 * @param tenants tenants and their limits
 * @param keys API keys, as hashes
 * @param rateLimiter token buckets of API keys
 * @param submissions new jobs with their idempotency keys
 */
public record Stores(
    JobStore jobs,
    OutboxStore outbox,
    TenantStore tenants,
    ApiKeyStore keys,
    RateLimiter rateLimiter,
    SubmissionStore submissions) {

  /** Stores over {@code dataSource}, which must already be migrated ({@link StoreMigrations}). */
  public static Stores postgres(DataSource dataSource, Clock clock) {
    Jdbi jdbi = JdbiSetup.create(dataSource);
    return new Stores(
        new JdbiJobStore(jdbi, clock),
        new JdbiOutboxStore(jdbi, clock),
        new JdbiTenantStore(jdbi, clock),
        new JdbiApiKeyStore(jdbi, clock),
        new PostgresRateLimiter(jdbi, clock),
        new JdbiSubmissionStore(jdbi, clock));
  }

  /**
   * Signals of new job events, by {@code LISTEN} on one connection of {@code dataSource} held until
   * {@link JobEventSignals#close()}.
   */
  public static JobEventSignals eventSignals(DataSource dataSource) {
    return new PostgresJobEventSignals(dataSource);
  }
}
