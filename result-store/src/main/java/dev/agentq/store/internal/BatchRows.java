package dev.agentq.store.internal;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchResult;
import dev.agentq.store.batches.BatchStatus;
import dev.agentq.store.batches.InvalidLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import tools.jackson.databind.JsonNode;

/** Row mappers of the batch tables; public only because Jdbi makes them by reflection. */
public final class BatchRows {
  private BatchRows() {}

  public static final class BatchMapper implements RowMapper<Batch> {
    @Override
    public Batch map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Batch(
          rs.getObject("id", UUID.class),
          rs.getString("tenant_id"),
          BatchStatus.fromWire(rs.getString("status")),
          rs.getInt("line_count"),
          rs.getInt("job_count"),
          rs.getInt("invalid_count"),
          rs.getBoolean("intake_done"),
          rs.getString("webhook_url"),
          Rows.metadata(Rows.json(rs, "metadata")),
          Rows.instant(rs, "created_at"),
          Rows.instant(rs, "updated_at"),
          Rows.instant(rs, "in_progress_at"),
          Rows.instant(rs, "completed_at"),
          Rows.instant(rs, "cancelled_at"));
    }
  }

  public static final class InvalidLineMapper implements RowMapper<InvalidLine> {
    @Override
    public InvalidLine map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new InvalidLine(
          rs.getInt("line"),
          rs.getString("custom_id"),
          rs.getString("code"),
          rs.getString("detail"));
    }
  }

  public static final class ResultMapper implements RowMapper<BatchResult> {
    @Override
    public BatchResult map(ResultSet rs, StatementContext ctx) throws SQLException {
      JsonNode error = Rows.json(rs, "error");
      return new BatchResult(
          rs.getInt("batch_line"),
          rs.getString("custom_id"),
          rs.getObject("id", UUID.class),
          JobState.fromWire(rs.getString("status")),
          Rows.json(rs, "output"),
          error == null ? null : Json.convert(error, ErrorInfo.class));
    }
  }

  /** Jobs of a batch per state, {@code retry_wait} with the queued. */
  public record StatusCounts(int queued, int running, int succeeded, int failed, int cancelled) {}

  public static final class StatusCountsMapper implements RowMapper<StatusCounts> {
    @Override
    public StatusCounts map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StatusCounts(
          rs.getInt("queued"),
          rs.getInt("running"),
          rs.getInt("succeeded"),
          rs.getInt("failed"),
          rs.getInt("cancelled"));
    }
  }
}
