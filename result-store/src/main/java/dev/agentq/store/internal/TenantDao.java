package dev.agentq.store.internal;

import dev.agentq.store.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL over {@code tenants}. */
@RegisterRowMapper(TenantMapper.class)
interface TenantDao {

  @SqlQuery(
      """
      INSERT INTO tenants (id, name, requests_per_second, burst, max_queued_jobs, created_at,
                           updated_at)
      VALUES (:id, :name, :rate, :burst, :maxQueued, :now, :now)
      ON CONFLICT (id) DO NOTHING
      RETURNING *
      """)
  Optional<Tenant> insert(
      @Bind("id") String id,
      @Bind("name") String name,
      @Bind("rate") Double requestsPerSecond,
      @Bind("burst") Integer burst,
      @Bind("maxQueued") Integer maxQueuedJobs,
      @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM tenants WHERE id = :id")
  Optional<Tenant> find(@Bind("id") String id);

  @SqlQuery("SELECT * FROM tenants ORDER BY id")
  List<Tenant> list();

  @SqlQuery(
      """
      UPDATE tenants
         SET requests_per_second = :rate, burst = :burst, max_queued_jobs = :maxQueued,
             updated_at = :now
       WHERE id = :id
      RETURNING *
      """)
  Optional<Tenant> updateLimits(
      @Bind("id") String id,
      @Bind("rate") Double requestsPerSecond,
      @Bind("burst") Integer burst,
      @Bind("maxQueued") Integer maxQueuedJobs,
      @Bind("now") Instant now);
}
