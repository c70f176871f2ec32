package dev.agentq.api.problem;

import dev.agentq.schemas.Violation;
import dev.agentq.schemas.webhook.WebhookEvent;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;

/** The problems agentq's own code raises, one factory per stable code the README lists. */
public final class Codes {
  private Codes() {}

  public static ApiProblem jobNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "job_not_found",
        "Job not found",
        "There is no job with id " + id + ".");
  }

  public static ApiProblem missingApiKey() {
    return unauthorized(
        "missing_api_key", "Missing API key", "Send an API key as 'Authorization: Bearer aq_...'.");
  }

  public static ApiProblem invalidApiKey() {
    return unauthorized(
        "invalid_api_key",
        "Invalid API key",
        "The API key is not valid: it is unknown, or it was revoked.");
  }

  public static ApiProblem invalidAdminKey() {
    return unauthorized(
        "invalid_admin_key",
        "Invalid admin key",
        "The admin API needs the admin key (AGENTQ_ADMIN_KEY) as 'Authorization: Bearer ...'.");
  }

  private static ApiProblem unauthorized(String code, String title, String detail) {
    return new ApiProblem(HttpStatus.UNAUTHORIZED, code, title, detail)
        .withHeader("WWW-Authenticate", "Bearer realm=\"agentq\"");
  }

  public static ApiProblem adminDisabled() {
    return new ApiProblem(
        HttpStatus.FORBIDDEN,
        "admin_disabled",
        "Admin API disabled",
        "The admin API is off: start agentq with AGENTQ_ADMIN_KEY set to turn it on.");
  }

  public static ApiProblem rateLimited(Duration retryAfter) {
    long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    return new ApiProblem(
            HttpStatus.TOO_MANY_REQUESTS,
            "rate_limited",
            "Too many requests",
            "This API key is over its rate limit; retry in " + seconds + " s.")
        .withHeader("Retry-After", Long.toString(seconds));
  }

  public static ApiProblem queueFull(int limit) {
    return new ApiProblem(
        HttpStatus.TOO_MANY_REQUESTS,
        "queue_full",
        "Too many queued jobs",
        "This tenant already has "
            + limit
            + " jobs waiting to run, its limit; submit again once some have started.");
  }

  public static ApiProblem idempotencyKeyReused(String jobId) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "idempotency_key_reused",
        "Idempotency key reused",
        "This Idempotency-Key was used for another request body, which created job "
            + jobId
            + "; use a new key for a new request.");
  }

  public static ApiProblem invalidHeader(String header, String rule) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid_header",
        "Invalid header",
        "The " + header + " header is not valid: " + rule + ".");
  }

  public static ApiProblem invalidQuery(List<Violation> violations) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid_query",
        "Invalid query",
        "The query parameters are not valid; errors[] says which.",
        violations);
  }

  public static ApiProblem jobNotRetryable(String id, String status) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "job_not_retryable",
        "Job not retryable",
        "Job " + id + " is " + status + "; only a failed job can be retried.");
  }

  public static ApiProblem tenantExists(String id) {
    return new ApiProblem(
        HttpStatus.CONFLICT, "tenant_exists", "Tenant exists", "A tenant '" + id + "' exists.");
  }

  public static ApiProblem tenantNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "tenant_not_found",
        "Tenant not found",
        "There is no tenant with id '" + id + "'.");
  }

  public static ApiProblem keyNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "api_key_not_found",
        "API key not found",
        "This tenant has no API key with id " + id + ".");
  }

  /**
   * A webhook URL the deployment's policy refuses (see {@code WebhookUrlPolicy}).
   *
   * @param pointer where the URL is in the request body
   * @param reason why, such as "its host 'x' resolves to 10.0.0.7, which is not a public address"
   */
  public static ApiProblem webhookUrlForbidden(String pointer, String reason) {
    return new ApiProblem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "webhook_url_forbidden",
        "Webhook URL forbidden",
        "This URL may not receive webhooks: " + reason + ".",
        List.of(new Violation(pointer, reason)));
  }

  public static ApiProblem unknownEventType(List<Violation> violations) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "unknown_event_type",
        "Unknown event type",
        "agentq sends no such event; the event types are "
            + String.join(", ", WebhookEvent.TYPES)
            + ". errors[] says which is wrong.",
        violations);
  }

  public static ApiProblem webhookEndpointNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "webhook_endpoint_not_found",
        "Webhook endpoint not found",
        "There is no webhook endpoint with id " + id + ".");
  }

  public static ApiProblem webhookDeliveryNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "webhook_delivery_not_found",
        "Webhook delivery not found",
        "There is no webhook delivery with id " + id + ".");
  }

  public static ApiProblem webhookDeliveryInFlight(String id) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "webhook_delivery_in_flight",
        "Webhook delivery in flight",
        "Webhook "
            + id
            + " is being sent right now; ask again once this attempt is recorded in its log.");
  }

  public static ApiProblem webhookEndpointDisabled(String deliveryId, String endpointId) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "webhook_endpoint_disabled",
        "Webhook endpoint disabled",
        "Webhook "
            + deliveryId
            + " goes to endpoint "
            + endpointId
            + ", which is disabled (GET it to see why); enable it with POST"
            + " /v1/webhooks/endpoints/"
            + endpointId
            + "/enable first.");
  }

  public static ApiProblem batchNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "batch_not_found",
        "Batch not found",
        "There is no batch with id " + id + ".");
  }

  public static ApiProblem batchEmpty() {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "batch_empty",
        "Batch empty",
        "The batch has no lines; send one JSON object per line.");
  }

  public static ApiProblem batchTooLarge(String reason) {
    return new ApiProblem(
        HttpStatus.CONTENT_TOO_LARGE,
        "batch_too_large",
        "Batch too large",
        "The batch is too large: " + reason + "; split it into several batches.");
  }

  public static ApiProblem batchInvalidLines(
      int count, List<dev.agentq.store.batches.InvalidLine> listed) {
    return new ApiProblem(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "batch_invalid_lines",
            "Batch has invalid lines",
            count
                + " line(s) of the batch are invalid and all_or_nothing is set, so nothing was"
                + " kept; invalid_lines says which.")
        .withProperty(
            "invalid_lines",
            listed.stream()
                .map(
                    l -> {
                      var line = new java.util.LinkedHashMap<String, Object>();
                      line.put("line", l.line());
                      line.put("custom_id", l.customId());
                      line.put("code", l.code());
                      line.put("detail", l.detail());
                      return line;
                    })
                .toList());
  }

  public static ApiProblem batchFinished(String id, String status) {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "batch_finished",
        "Batch finished",
        "Batch " + id + " is already " + status + "; it cannot be cancelled.");
  }

  public static ApiProblem batchFileMissing() {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "batch_file_missing",
        "Batch file missing",
        "A multipart upload carries the JSONL in a part named 'file'.");
  }
}
