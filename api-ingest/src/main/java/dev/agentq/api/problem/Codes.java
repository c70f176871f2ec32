package dev.agentq.api.problem;

import dev.agentq.schemas.Violation;
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
}
