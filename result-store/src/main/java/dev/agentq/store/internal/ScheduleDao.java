package dev.agentq.store.internal;

import dev.agentq.store.schedule.Schedule;
import dev.agentq.store.schedule.ScheduleRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import tools.jackson.databind.JsonNode;

/** SQL over the schedule tables. */
interface ScheduleDao {

  @SqlQuery(
      """
      INSERT INTO schedules (id, tenant_id, name, cron, time_zone, template, next_run_at,
                             created_at, updated_at)
      VALUES (:id, :tenantId, :name, :cron, :timeZone, :template, :nextRunAt, :now, :now)
      RETURNING *
      """)
  Schedule insert(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("name") String name,
      @Bind("cron") String cron,
      @Bind("timeZone") String timeZone,
      @Bind("template") JsonNode template,
      @Bind("nextRunAt") Instant nextRunAt,
      @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM schedules WHERE tenant_id = :tenantId AND id = :id")
  Optional<Schedule> find(@Bind("tenantId") String tenantId, @Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT * FROM schedules
       WHERE tenant_id = :tenantId
         AND (CAST(:afterAt AS timestamptz) IS NULL
              OR (created_at, id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid)))
       ORDER BY created_at DESC, id DESC
       LIMIT :limit
      """)
  List<Schedule> page(
      @Bind("tenantId") String tenantId,
      @Bind("afterAt") Instant afterAt,
      @Bind("afterId") UUID afterId,
      @Bind("limit") int limit);

  @SqlQuery(
      """
      UPDATE schedules SET paused = true, next_run_at = NULL, updated_at = :now
       WHERE tenant_id = :tenantId AND id = :id
      RETURNING *
      """)
  Optional<Schedule> pause(
      @Bind("tenantId") String tenantId, @Bind("id") UUID id, @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE schedules
         SET paused = false,
             next_run_at = CASE WHEN paused THEN :nextRunAt ELSE next_run_at END,
             updated_at = CASE WHEN paused THEN :now ELSE updated_at END
       WHERE tenant_id = :tenantId AND id = :id
      RETURNING *
      """)
  Optional<Schedule> resume(
      @Bind("tenantId") String tenantId,
      @Bind("id") UUID id,
      @Bind("nextRunAt") Instant nextRunAt,
      @Bind("now") Instant now);

  @SqlUpdate("DELETE FROM schedules WHERE tenant_id = :tenantId AND id = :id")
  int delete(@Bind("tenantId") String tenantId, @Bind("id") UUID id);

  @SqlQuery(
      """
      SELECT * FROM schedule_runs WHERE schedule_id = :scheduleId
       ORDER BY scheduled_for DESC LIMIT :limit
      """)
  List<ScheduleRun> runs(@Bind("scheduleId") UUID scheduleId, @Bind("limit") int limit);

  /** One due schedule that no other scheduler holds, locked until the transaction ends. */
  @SqlQuery(
      """
      SELECT * FROM schedules
       WHERE NOT paused AND next_run_at <= :now
       ORDER BY next_run_at
       LIMIT 1
       FOR UPDATE SKIP LOCKED
      """)
  Optional<Schedule> claimDue(@Bind("now") Instant now);

  /** Moves the tick on, only from the tick that was read: 0 if another writer moved it first. */
  @SqlUpdate(
      """
      UPDATE schedules SET next_run_at = :next, last_run_at = :now, updated_at = :now
       WHERE id = :id AND NOT paused AND next_run_at = :read
      """)
  int advance(
      @Bind("id") UUID id,
      @Bind("read") Instant read,
      @Bind("next") Instant next,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      INSERT INTO schedule_runs (schedule_id, scheduled_for, fired_at, catch_up, outcome, job_id,
                                 batch_id, detail)
      VALUES (:scheduleId, :scheduledFor, :firedAt, :catchUp, :outcome, :jobId, :batchId, :detail)
      RETURNING *
      """)
  ScheduleRun insertRun(
      @Bind("scheduleId") UUID scheduleId,
      @Bind("scheduledFor") Instant scheduledFor,
      @Bind("firedAt") Instant firedAt,
      @Bind("catchUp") boolean catchUp,
      @Bind("outcome") String outcome,
      @Bind("jobId") UUID jobId,
      @Bind("batchId") UUID batchId,
      @Bind("detail") String detail);

  @SqlUpdate(
      """
      INSERT INTO schedule_files (schedule_id, path, size, modified_at, submitted_at)
      SELECT :scheduleId, f.path, f.size, f.modified_at, :now
        FROM unnest(CAST(:paths AS text[]), CAST(:sizes AS bigint[]),
                    CAST(:times AS timestamptz[])) AS f(path, size, modified_at)
      ON CONFLICT DO NOTHING
      """)
  void remember(
      @Bind("scheduleId") UUID scheduleId,
      @Bind("paths") String[] paths,
      @Bind("sizes") long[] sizes,
      @Bind("times") java.time.OffsetDateTime[] times,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT path, size, modified_at FROM schedule_files
       WHERE schedule_id = :scheduleId AND path = ANY(CAST(:paths AS text[]))
      """)
  List<dev.agentq.store.schedule.SeenFile> seen(
      @Bind("scheduleId") UUID scheduleId, @Bind("paths") String[] paths);
}
