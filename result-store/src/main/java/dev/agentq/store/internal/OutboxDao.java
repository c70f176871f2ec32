package dev.agentq.store.internal;

import dev.agentq.store.OutboxMessage;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import tools.jackson.databind.JsonNode;

/** SQL over {@code outbox}. */
interface OutboxDao {

  @SqlUpdate(
      """
      INSERT INTO outbox (topic, message_key, payload, created_at)
      VALUES (:topic, :key, :payload, :now)
      """)
  void insert(
      @Bind("topic") String topic,
      @Bind("key") String key,
      @Bind("payload") JsonNode payload,
      @Bind("now") Instant now);

  /**
   * Dispatch messages of jobs dispatched again (a retry, an expired lease, a thread's next job):
   * each carries the trace context its job was submitted with, so that it runs in the same trace.
   */
  @SqlBatch(
      """
      INSERT INTO outbox (topic, message_key, payload, created_at)
      SELECT :topic, :key,
             CASE WHEN j.traceparent IS NULL THEN CAST(:payload AS jsonb)
                  ELSE jsonb_set(CAST(:payload AS jsonb), '{traceparent}', to_jsonb(j.traceparent))
             END,
             :now
        FROM (SELECT CAST(:key AS uuid) AS id) k LEFT JOIN jobs j ON j.id = k.id
      """)
  void insertDispatches(
      @Bind("topic") List<String> topics,
      @Bind("key") List<String> keys,
      @Bind("payload") List<JsonNode> payloads,
      @Bind("now") Instant now);

  @SqlBatch(
      """
      INSERT INTO outbox (topic, message_key, payload, created_at)
      VALUES (:topic, :key, :payload, :now)
      """)
  void insertAll(
      @Bind("topic") List<String> topics,
      @Bind("key") List<String> keys,
      @Bind("payload") List<JsonNode> payloads,
      @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT * FROM outbox WHERE topic <> :topic
      ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
      """)
  List<OutboxMessage> lockNextExcept(@Bind("topic") String topic, @Bind("limit") int limit);

  @SqlQuery(
      """
      SELECT * FROM outbox WHERE topic = :topic
      ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
      """)
  List<OutboxMessage> lockNextOf(@Bind("topic") String topic, @Bind("limit") int limit);

  @SqlUpdate("DELETE FROM outbox WHERE id = ANY(:ids)")
  int delete(@Bind("ids") long[] ids);

  @SqlQuery("SELECT count(*) FROM outbox")
  long count();
}
