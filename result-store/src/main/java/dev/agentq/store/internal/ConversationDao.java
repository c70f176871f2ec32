package dev.agentq.store.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import tools.jackson.databind.JsonNode;

/** SQL over {@code conversations}. */
interface ConversationDao {

  @SqlQuery(
      "SELECT messages FROM conversations WHERE tenant_id = :tenantId AND thread_id = :threadId")
  Optional<JsonNode> messages(@Bind("tenantId") String tenantId, @Bind("threadId") String threadId);

  @SqlUpdate(
      """
      INSERT INTO conversations (tenant_id, thread_id, messages, job_id, updated_at)
      VALUES (:tenantId, :threadId, :messages, :jobId, :now)
      ON CONFLICT (tenant_id, thread_id)
      DO UPDATE SET messages = EXCLUDED.messages, job_id = EXCLUDED.job_id, updated_at = EXCLUDED.updated_at
      """)
  void save(
      @Bind("tenantId") String tenantId,
      @Bind("threadId") String threadId,
      @Bind("messages") JsonNode messages,
      @Bind("jobId") UUID jobId,
      @Bind("now") Instant now);
}
