package dev.agentq.store.internal;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.store.JobSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import tools.jackson.databind.JsonNode;

/** A row of a job listing. */
public final class JobSummaryMapper implements RowMapper<JobSummary> {

  @Override
  public JobSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
    String error = rs.getString("error");
    return new JobSummary(
        rs.getObject("id", UUID.class),
        rs.getString("agent"),
        Lane.fromWire(rs.getString("lane")),
        JobState.fromWire(rs.getString("status")),
        metadata(Json.parse(rs.getString("metadata"))),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        error == null ? null : Json.convert(Json.parse(error), ErrorInfo.class),
        instant(rs, "created_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static Map<String, String> metadata(JsonNode node) {
    Map<String, String> metadata = new LinkedHashMap<>();
    node.properties().forEach(entry -> metadata.put(entry.getKey(), entry.getValue().asString()));
    return metadata;
  }
}
