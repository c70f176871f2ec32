package dev.agentq.store.internal;

import dev.agentq.store.webhook.WebhookAttempt;
import dev.agentq.store.webhook.WebhookDelivery;
import dev.agentq.store.webhook.WebhookEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import tools.jackson.databind.JsonNode;

/** SQL over the webhook tables. */
interface WebhookDao {

  @SqlQuery(
      """
      INSERT INTO webhook_endpoints (id, tenant_id, url, description, event_types, secrets,
                                     created_at, updated_at)
      VALUES (:id, :tenantId, :url, :description, :eventTypes, :secrets, :now, :now)
      RETURNING *
      """)
  WebhookEndpoint insertEndpoint(
      @Bind("id") UUID id,
      @Bind("tenantId") String tenantId,
      @Bind("url") String url,
      @Bind("description") String description,
      @Bind("eventTypes") String[] eventTypes,
      @Bind("secrets") JsonNode secrets,
      @Bind("now") Instant now);

  @SqlQuery("SELECT * FROM webhook_endpoints WHERE tenant_id = :tenantId ORDER BY created_at, id")
  List<WebhookEndpoint> endpoints(@Bind("tenantId") String tenantId);

  @SqlQuery("SELECT * FROM webhook_endpoints WHERE tenant_id = :tenantId AND id = :id")
  Optional<WebhookEndpoint> endpoint(@Bind("tenantId") String tenantId, @Bind("id") UUID id);

  @SqlUpdate("DELETE FROM webhook_endpoints WHERE tenant_id = :tenantId AND id = :id")
  int deleteEndpoint(@Bind("tenantId") String tenantId, @Bind("id") UUID id);

  @SqlQuery(
      """
      UPDATE webhook_endpoints
         SET enabled = true, disabled_reason = NULL, disabled_at = NULL, failing_since = NULL,
             updated_at = :now
       WHERE tenant_id = :tenantId AND id = :id
      RETURNING *
      """)
  Optional<WebhookEndpoint> enable(
      @Bind("tenantId") String tenantId, @Bind("id") UUID id, @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE webhook_endpoints SET secrets = :secrets, updated_at = :now
       WHERE tenant_id = :tenantId AND id = :id
      RETURNING *
      """)
  Optional<WebhookEndpoint> setSecrets(
      @Bind("tenantId") String tenantId,
      @Bind("id") UUID id,
      @Bind("secrets") JsonNode secrets,
      @Bind("now") Instant now);

  @SqlQuery("SELECT secrets FROM webhook_signing_keys WHERE tenant_id = :tenantId FOR UPDATE")
  Optional<JsonNode> signingKeys(@Bind("tenantId") String tenantId);

  @SqlUpdate(
      """
      INSERT INTO webhook_signing_keys (tenant_id, secrets, updated_at)
      VALUES (:tenantId, :secrets, :now)
      ON CONFLICT (tenant_id) DO UPDATE SET secrets = EXCLUDED.secrets, updated_at = EXCLUDED.updated_at
      """)
  void saveSigningKeys(
      @Bind("tenantId") String tenantId,
      @Bind("secrets") JsonNode secrets,
      @Bind("now") Instant now);

  /** One delivery to a job's own URL. */
  @SqlUpdate(
      """
      INSERT INTO webhook_deliveries (id, tenant_id, url, job_id, event_type, payload, status,
                                      next_attempt_at, created_at)
      VALUES (:id, :tenantId, :url, :jobId, :type, :payload, 'pending', :now, :now)
      """)
  void insertDelivery(
      @Bind("id") String id,
      @Bind("tenantId") String tenantId,
      @Bind("url") String url,
      @Bind("jobId") UUID jobId,
      @Bind("type") String type,
      @Bind("payload") JsonNode payload,
      @Bind("now") Instant now);

  /** One delivery to each enabled endpoint of the tenant that takes {@code type}. */
  @SqlUpdate(
      """
      INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, url, job_id, event_type, payload,
                                      status, next_attempt_at, created_at)
      SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.tenant_id, e.id, e.url, :jobId,
             :type, :payload, 'pending', :now, :now
        FROM webhook_endpoints e
       WHERE e.tenant_id = :tenantId AND e.enabled AND :type = ANY(e.event_types)
      """)
  int insertEndpointDeliveries(
      @Bind("tenantId") String tenantId,
      @Bind("jobId") UUID jobId,
      @Bind("type") String type,
      @Bind("payload") JsonNode payload,
      @Bind("now") Instant now);

  /**
   * job.progress deliveries for the top-level steps just recorded, to the endpoints that opted in.
   */
  @SqlUpdate(
      """
      INSERT INTO webhook_deliveries (id, tenant_id, endpoint_id, url, job_id, event_type, payload,
                                      status, next_attempt_at, created_at)
      SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), j.tenant_id, e.id, e.url, j.id,
             'job.progress',
             jsonb_build_object(
               'type', 'job.progress',
               'timestamp', to_char(:now AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
               'data', jsonb_build_object(
                 'id', j.id, 'status', j.status, 'agent', j.agent, 'metadata', j.metadata,
                 'output', NULL, 'error', NULL, 'model', NULL,
                 'usage', jsonb_build_object('input_tokens', 0, 'output_tokens', 0),
                 'step', s.name,
                 'created_at', to_char(j.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                 'finished_at', NULL,
                 'links', jsonb_build_object(
                   'self', '/v1/jobs/' || j.id,
                   'status', '/v1/jobs/' || j.id || '/status',
                   'result', '/v1/jobs/' || j.id || '/result'))),
             'pending', :now, :now
        FROM unnest(:jobIds, :steps) AS s(job_id, name)
        JOIN jobs j ON j.id = s.job_id
        JOIN webhook_endpoints e
          ON e.tenant_id = j.tenant_id AND e.enabled AND 'job.progress' = ANY(e.event_types)
      """)
  int insertProgressDeliveries(
      @Bind("jobIds") UUID[] jobIds, @Bind("steps") String[] steps, @Bind("now") Instant now);

  @SqlQuery(
      """
      UPDATE webhook_deliveries
         SET status = 'sending', lease_owner = :owner, lease_expires_at = :expires
       WHERE id IN (SELECT id FROM webhook_deliveries
                     WHERE ((status = 'pending' AND next_attempt_at <= :now)
                            OR (status = 'sending' AND lease_expires_at < :now))
                       -- a disabled endpoint's deliveries wait until it is enabled again
                       AND (endpoint_id IS NULL
                            OR EXISTS (SELECT 1 FROM webhook_endpoints e
                                        WHERE e.id = endpoint_id AND e.enabled))
                     ORDER BY next_attempt_at
                     LIMIT :limit
                     FOR UPDATE SKIP LOCKED)
      RETURNING *, (SELECT j.traceparent FROM jobs j WHERE j.id = job_id) AS traceparent
      """)
  List<WebhookDelivery> claimDue(
      @Bind("owner") String owner,
      @Bind("expires") Instant expires,
      @Bind("now") Instant now,
      @Bind("limit") int limit);

  @SqlQuery("SELECT * FROM webhook_endpoints WHERE id = ANY(:ids)")
  List<WebhookEndpoint> endpointsById(@Bind("ids") UUID[] ids);

  @SqlUpdate(
      """
      INSERT INTO webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, error)
      VALUES (:deliveryId, :attemptedAt, :statusCode, :latencyMs, :error)
      """)
  void insertAttempt(
      @Bind("deliveryId") String deliveryId,
      @Bind("attemptedAt") Instant attemptedAt,
      @Bind("statusCode") Integer statusCode,
      @Bind("latencyMs") int latencyMs,
      @Bind("error") String error);

  @SqlQuery(
      """
      UPDATE webhook_deliveries
         SET status = :status, attempts = attempts + :counted, next_attempt_at = :next,
             last_status = COALESCE(:statusCode, last_status), last_error = :error,
             delivered_at = CASE WHEN :status = 'delivered' THEN :now ELSE delivered_at END,
             lease_owner = NULL, lease_expires_at = NULL
       WHERE id = :id
      RETURNING *
      """)
  Optional<WebhookDelivery> settle(
      @Bind("id") String id,
      @Bind("status") String status,
      @Bind("counted") int counted,
      @Bind("next") Instant next,
      @Bind("statusCode") Integer statusCode,
      @Bind("error") String error,
      @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE webhook_endpoints
         SET failing_since = CASE WHEN :healthy THEN NULL ELSE COALESCE(failing_since, :now) END
       WHERE id = :id
      """)
  void noteHealth(@Bind("id") UUID id, @Bind("healthy") boolean healthy, @Bind("now") Instant now);

  @SqlUpdate(
      """
      UPDATE webhook_endpoints
         SET enabled = false, disabled_reason = :reason, disabled_at = :now, updated_at = :now
       WHERE id = :id AND enabled
      """)
  void disable(@Bind("id") UUID id, @Bind("reason") String reason, @Bind("now") Instant now);

  @SqlQuery(
      """
      SELECT * FROM webhook_deliveries WHERE tenant_id = :tenantId AND job_id = :jobId
       ORDER BY created_at, id
      """)
  List<WebhookDelivery> deliveriesOfJob(
      @Bind("tenantId") String tenantId, @Bind("jobId") UUID jobId);

  @SqlQuery(
      """
      SELECT * FROM webhook_deliveries WHERE tenant_id = :tenantId AND endpoint_id = :endpointId
       ORDER BY created_at DESC, id LIMIT :limit
      """)
  List<WebhookDelivery> deliveriesOfEndpoint(
      @Bind("tenantId") String tenantId,
      @Bind("endpointId") UUID endpointId,
      @Bind("limit") int limit);

  @SqlQuery("SELECT * FROM webhook_attempts WHERE delivery_id = :deliveryId ORDER BY id")
  List<WebhookAttempt> attempts(@Bind("deliveryId") String deliveryId);

  @SqlQuery(
      "SELECT * FROM webhook_attempts WHERE delivery_id = ANY(:deliveryIds) ORDER BY delivery_id, id")
  List<WebhookAttempt> attemptsOf(@Bind("deliveryIds") String[] deliveryIds);

  @SqlQuery("SELECT * FROM webhook_deliveries WHERE tenant_id = :tenantId AND id = :id")
  Optional<WebhookDelivery> delivery(@Bind("tenantId") String tenantId, @Bind("id") String id);

  @SqlQuery(
      """
      UPDATE webhook_deliveries
         SET status = 'pending', next_attempt_at = :now, lease_owner = NULL, lease_expires_at = NULL
       WHERE tenant_id = :tenantId AND id = :id AND status <> 'sending'
      RETURNING *
      """)
  Optional<WebhookDelivery> redeliver(
      @Bind("tenantId") String tenantId, @Bind("id") String id, @Bind("now") Instant now);
}
