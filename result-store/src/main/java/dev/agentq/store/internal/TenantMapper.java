package dev.agentq.store.internal;

import dev.agentq.store.Tenant;
import dev.agentq.store.TenantLimits;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code tenants}; also reads the {@code t_}-prefixed columns of a join. */
public final class TenantMapper implements RowMapper<Tenant> {

  @Override
  public Tenant map(ResultSet rs, StatementContext ctx) throws SQLException {
    return map(rs, "");
  }

  static Tenant map(ResultSet rs, String prefix) throws SQLException {
    return new Tenant(
        rs.getString(prefix + "id"),
        rs.getString(prefix + "name"),
        new TenantLimits(
            rs.getObject(prefix + "requests_per_second", Double.class),
            rs.getObject(prefix + "burst", Integer.class),
            rs.getObject(prefix + "max_queued_jobs", Integer.class)),
        JobSummaryMapper.instant(rs, prefix + "created_at"),
        JobSummaryMapper.instant(rs, prefix + "updated_at"));
  }
}
