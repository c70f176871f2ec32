package dev.agentq.store;

import dev.agentq.store.batches.BatchStore;
import dev.agentq.store.internal.JdbiApiKeyStore;
import dev.agentq.store.internal.JdbiBatchStore;
import dev.agentq.store.internal.JdbiJobStore;
import dev.agentq.store.internal.JdbiOutboxStore;
import dev.agentq.store.internal.JdbiSetup;
import dev.agentq.store.internal.JdbiSubmissionStore;
import dev.agentq.store.internal.JdbiTenantStore;
import dev.agentq.store.internal.JdbiWebhookStore;
import dev.agentq.store.internal.PostgresJobEventSignals;
import dev.agentq.store.internal.PostgresRateLimiter;
import dev.agentq.store.webhook.WebhookStore;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The stores of one Postgres database.
 *
 * @param jobs jobs, checkpoints and events; concurrent writes are group-committed
 * @param outbox messages waiting to be published
 * @param webhooks webhook endpoints and deliveries
 * @param tenants tenants and their limits
 * @param keys API keys, as hashes
 * @param rateLimiter token buckets of API keys
 * @param submissions new jobs with their idempotency keys
 * @param batches batches of jobs submitted as one upload
 */
public record Stores(
    JobStore jobs,
    OutboxStore outbox,
    WebhookStore webhooks,
    TenantStore tenants,
    ApiKeyStore keys,
    RateLimiter rateLimiter,
    SubmissionStore submissions,
    BatchStore batches)
    implements AutoCloseable {
  /** Batches of each kind in flight at once: one being written while the next fills up. */
  private static final int FLUSHERS = 2;

  /** Stores over {@code dataSource}, which must already be migrated ({@link StoreMigrations}). */
  public static Stores postgres(DataSource dataSource, Clock clock) {
    Jdbi jdbi = JdbiSetup.create(dataSource);
    return new Stores(
        new GroupCommitJobStore(new JdbiJobStore(jdbi, clock), FLUSHERS),
        new JdbiOutboxStore(jdbi, clock),
        new JdbiWebhookStore(jdbi, clock),
        new JdbiTenantStore(jdbi, clock),
        new JdbiApiKeyStore(jdbi, clock),
        new PostgresRateLimiter(jdbi, clock),
        new GroupCommitSubmissionStore(new JdbiSubmissionStore(jdbi, clock), FLUSHERS),
        new JdbiBatchStore(jdbi, clock));
  }

  /**
   * Signals of new job events, by {@code LISTEN} on one connection of {@code dataSource} held until
   * {@link JobEventSignals#close()}.
   */
  public static JobEventSignals eventSignals(DataSource dataSource) {
    return new PostgresJobEventSignals(dataSource);
  }

  /** Writes what is waiting to be group-committed. */
  @Override
  public void close() {
    for (Object store : List.of(jobs, submissions)) {
      if (store instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          throw new StoreException("could not close " + store.getClass().getSimpleName(), e);
        }
      }
    }
  }
}
