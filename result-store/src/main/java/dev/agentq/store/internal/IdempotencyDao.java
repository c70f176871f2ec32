package dev.agentq.store.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL over {@code idempotency_keys}. */
@RegisterConstructorMapper(IdempotencyDao.Stored.class)
interface IdempotencyDao {

  /** A key as stored: the hash of the request that first used it, and the job it made. */
  record Stored(byte[] requestHash, UUID jobId) {}

  /**
   * Takes the key for {@code jobId}, or takes it over if its earlier use has expired. False when
   * the key is in use: then the row holding it is committed, since a concurrent insert of the same
   * key waits for the first transaction to end.
   */
  @SqlQuery(
      """
      INSERT INTO idempotency_keys AS k (tenant_id, key, request_hash, job_id, created_at)
      VALUES (:tenantId, :key, :hash, :jobId, :now)
      ON CONFLICT (tenant_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, job_id = EXCLUDED.job_id,
             created_at = EXCLUDED.created_at
       WHERE k.created_at < :expiredBefore
      RETURNING true
      """)
  Optional<Boolean> claimRow(
      @Bind("tenantId") String tenantId,
      @Bind("key") String key,
      @Bind("hash") byte[] hash,
      @Bind("jobId") UUID jobId,
      @Bind("now") Instant now,
      @Bind("expiredBefore") Instant expiredBefore);

  default boolean claim(
      String tenantId, String key, byte[] hash, UUID jobId, Instant now, Instant expiredBefore) {
    return claimRow(tenantId, key, hash, jobId, now, expiredBefore).isPresent();
  }

  @SqlQuery(
      "SELECT request_hash, job_id FROM idempotency_keys WHERE tenant_id = :tenantId AND key = :key")
  Optional<Stored> find(@Bind("tenantId") String tenantId, @Bind("key") String key);
}
