package dev.agentq.store.internal;

import dev.agentq.store.KeyHolder;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A key joined with its tenant, whose columns are prefixed {@code t_}. */
public final class KeyHolderMapper implements RowMapper<KeyHolder> {
  private final ApiKeyMapper keys = new ApiKeyMapper();

  @Override
  public KeyHolder map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new KeyHolder(keys.map(rs, ctx), TenantMapper.map(rs, "t_"));
  }
}
