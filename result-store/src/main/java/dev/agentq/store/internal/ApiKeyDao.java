package dev.agentq.store.internal;

import dev.agentq.store.ApiKey;
import dev.agentq.store.KeyHolder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL over {@code api_keys}; no query returns a hash. */
@RegisterRowMapper(ApiKeyMapper.class)
@RegisterRowMapper(KeyHolderMapper.class)
interface ApiKeyDao {

  @SqlQuery(
      """
      INSERT INTO api_keys (id, tenant_id, name, prefix, secret_hash, created_at)
      SELECT :id, id, :name, :prefix, :hash, :now FROM tenants WHERE id = :tenantId
      RETURNING id, tenant_id, name, prefix, created_at, revoked_at
      """)
  Optional<ApiKey> insert(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("name") String name,
      @Bind("prefix") String prefix,
      @Bind("hash") byte[] hash,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT k.id, k.tenant_id, k.name, k.prefix, k.created_at, k.revoked_at,
             t.id AS t_id, t.name AS t_name, t.requests_per_second AS t_requests_per_second,
             t.burst AS t_burst, t.max_queued_jobs AS t_max_queued_jobs,
             t.created_at AS t_created_at, t.updated_at AS t_updated_at
        FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
       WHERE k.secret_hash = :hash AND k.revoked_at IS NULL
      """)
  Optional<KeyHolder> authenticate(@Bind("hash") byte[] hash);

  @SqlQuery("SELECT EXISTS (SELECT 1 FROM api_keys WHERE secret_hash = :hash)")
  boolean exists(@Bind("hash") byte[] hash);

  @SqlQuery(
      """
      SELECT id, tenant_id, name, prefix, created_at, revoked_at
        FROM api_keys WHERE tenant_id = :tenantId ORDER BY created_at, id
      """)
  List<ApiKey> list(@Bind("tenantId") String tenantId);

  @SqlQuery(
      """
      UPDATE api_keys SET revoked_at = COALESCE(revoked_at, :now)
       WHERE id = :id AND tenant_id = :tenantId
      RETURNING id, tenant_id, name, prefix, created_at, revoked_at
      """)
  Optional<ApiKey> revoke(
      @Bind("tenantId") String tenantId, @Bind("id") UUID id, @Bind("now") Instant now);
}
