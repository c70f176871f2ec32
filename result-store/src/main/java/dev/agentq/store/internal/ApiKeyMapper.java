package dev.agentq.store.internal;

import dev.agentq.store.ApiKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A row of {@code api_keys}, never with its hash. */
public final class ApiKeyMapper implements RowMapper<ApiKey> {

  @Override
  public ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ApiKey(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("name"),
        rs.getString("prefix"),
        JobSummaryMapper.instant(rs, "created_at"),
        JobSummaryMapper.instant(rs, "revoked_at"));
  }
}
