package dev.agentq.store.internal;

import dev.agentq.schemas.Json;
import dev.agentq.store.schedule.Schedule;
import dev.agentq.store.schedule.ScheduleRun;
import dev.agentq.store.schedule.SeenFile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Row mappers of the schedule tables. */
final class ScheduleMappers {
  private ScheduleMappers() {}

  static void register(Jdbi jdbi) {
    jdbi.registerRowMapper(Schedule.class, new ScheduleMapper());
    jdbi.registerRowMapper(ScheduleRun.class, new RunMapper());
    jdbi.registerRowMapper(SeenFile.class, new SeenFileMapper());
  }

  static final class ScheduleMapper implements RowMapper<Schedule> {
    @Override
    public Schedule map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Schedule(
          rs.getObject("id", UUID.class),
          rs.getString("tenant_id"),
          rs.getString("name"),
          rs.getString("cron"),
          rs.getString("time_zone"),
          Json.parse(rs.getString("template")),
          rs.getBoolean("paused"),
          instant(rs, "next_run_at"),
          instant(rs, "last_run_at"),
          instant(rs, "created_at"),
          instant(rs, "updated_at"));
    }
  }

  static final class RunMapper implements RowMapper<ScheduleRun> {
    @Override
    public ScheduleRun map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new ScheduleRun(
          rs.getObject("schedule_id", UUID.class),
          instant(rs, "scheduled_for"),
          instant(rs, "fired_at"),
          rs.getBoolean("catch_up"),
          rs.getString("outcome"),
          rs.getObject("job_id", UUID.class),
          rs.getObject("batch_id", UUID.class),
          rs.getString("detail"));
    }
  }

  static final class SeenFileMapper implements RowMapper<SeenFile> {
    @Override
    public SeenFile map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new SeenFile(rs.getString("path"), rs.getLong("size"), instant(rs, "modified_at"));
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
