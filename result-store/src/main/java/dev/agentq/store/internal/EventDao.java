package dev.agentq.store.internal;

import dev.agentq.store.JobEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import tools.jackson.databind.JsonNode;

/** SQL over {@code job_events}. */
interface EventDao {

  @SqlUpdate(
      "INSERT INTO job_events (job_id, type, data, created_at) VALUES (:jobId, :type, :data, :now)")
  void insert(
      @Bind("jobId") UUID jobId,
      @Bind("type") String type,
      @Bind("data") JsonNode data,
      @Bind("now") Instant now);

  @SqlBatch(
      "INSERT INTO job_events (job_id, type, data, created_at) VALUES (:jobId, :type, :data, :now)")
  void insertAll(
      @Bind("jobId") List<UUID> jobIds,
      @Bind("type") String type,
      @Bind("data") List<JsonNode> data,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT * FROM job_events WHERE job_id = :jobId AND id > :afterId ORDER BY id LIMIT :limit
      """)
  List<JobEvent> after(
      @Bind("jobId") UUID jobId, @Bind("afterId") long afterId, @Bind("limit") int limit);
}
