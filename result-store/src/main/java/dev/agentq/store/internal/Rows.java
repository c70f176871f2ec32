package dev.agentq.store.internal;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.OutboxMessage;
import dev.agentq.store.webhook.WebhookAttempt;
import dev.agentq.store.webhook.WebhookDelivery;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.store.webhook.WebhookSecret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;

/** Row mappers from our tables to the store's records. */
final class Rows {
  private Rows() {}

  static void register(Jdbi jdbi) {
    jdbi.registerRowMapper(Job.class, (rs, ctx) -> job(rs));
    jdbi.registerRowMapper(Checkpoint.class, (rs, ctx) -> checkpoint(rs));
    jdbi.registerRowMapper(JobEvent.class, (rs, ctx) -> event(rs));
    jdbi.registerRowMapper(WebhookEndpoint.class, (rs, ctx) -> endpoint(rs));
    jdbi.registerRowMapper(
        WebhookDelivery.class,
        (rs, ctx) ->
            new WebhookDelivery(
                rs.getString("id"),
                rs.getString("tenant_id"),
                rs.getObject("endpoint_id", UUID.class),
                rs.getString("url"),
                rs.getObject("job_id", UUID.class),
                rs.getString("event_type"),
                json(rs, "payload"),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                rs.getObject("last_status", Integer.class),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "delivered_at")));
    jdbi.registerRowMapper(
        WebhookAttempt.class,
        (rs, ctx) ->
            new WebhookAttempt(
                rs.getString("delivery_id"),
                instant(rs, "attempted_at"),
                rs.getObject("status_code", Integer.class),
                rs.getInt("latency_ms"),
                rs.getString("error")));
    jdbi.registerRowMapper(
        HeldLease.class,
        (rs, ctx) ->
            new HeldLease(rs.getObject("id", UUID.class), rs.getBoolean("cancel_requested")));
    jdbi.registerRowMapper(
        OutboxMessage.class,
        (rs, ctx) ->
            new OutboxMessage(
                rs.getLong("id"),
                rs.getString("topic"),
                rs.getString("message_key"),
                json(rs, "payload")));
  }

  static Job job(ResultSet rs) throws SQLException {
    JsonNode error = json(rs, "error");
    return new Job(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("agent"),
        Lane.fromWire(rs.getString("lane")),
        JobState.fromWire(rs.getString("status")),
        json(rs, "input"),
        rs.getString("thread_id"),
        rs.getString("webhook_url"),
        metadata(json(rs, "metadata")),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        rs.getString("lease_owner"),
        instant(rs, "lease_expires_at"),
        json(rs, "output"),
        error == null ? null : Json.convert(error, ErrorInfo.class),
        rs.getString("model"),
        new Usage(rs.getLong("input_tokens"), rs.getLong("output_tokens")),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        instant(rs, "available_at"),
        instant(rs, "cancel_requested_at"));
  }

  private static Checkpoint checkpoint(ResultSet rs) throws SQLException {
    return new Checkpoint(
        rs.getInt("seq"),
        rs.getString("name"),
        Checkpoint.Kind.fromWire(rs.getString("kind")),
        rs.getObject("parent_seq", Integer.class),
        rs.getObject("end_seq", Integer.class),
        rs.getInt("attempt"),
        json(rs, "output"),
        rs.getString("model"),
        new Usage(rs.getLong("input_tokens"), rs.getLong("output_tokens")),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  private static JobEvent event(ResultSet rs) throws SQLException {
    return new JobEvent(
        rs.getLong("id"),
        rs.getObject("job_id", UUID.class),
        rs.getString("type"),
        json(rs, "data"),
        instant(rs, "created_at"));
  }

  private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
    return new WebhookEndpoint(
        rs.getObject("id", UUID.class),
        rs.getString("tenant_id"),
        rs.getString("url"),
        rs.getString("description"),
        List.of((String[]) rs.getArray("event_types").getArray()),
        secrets(json(rs, "secrets")),
        rs.getBoolean("enabled"),
        rs.getString("disabled_reason"),
        instant(rs, "disabled_at"),
        instant(rs, "failing_since"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"));
  }

  /** Secrets as stored: a JSON array of {@code {value, createdAt, expiresAt}}, newest first. */
  static List<WebhookSecret> secrets(JsonNode node) {
    List<WebhookSecret> secrets = new java.util.ArrayList<>();
    for (JsonNode secret : node) {
      secrets.add(Json.convert(secret, WebhookSecret.class));
    }
    return secrets;
  }

  static JsonNode json(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : Json.parse(text);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static Map<String, String> metadata(JsonNode node) {
    Map<String, String> metadata = new LinkedHashMap<>();
    node.properties().forEach(entry -> metadata.put(entry.getKey(), entry.getValue().asString()));
    return metadata;
  }
}
