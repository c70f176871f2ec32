package dev.agentq.store;

/**
 * A job to store, with what guards its admission.
 *
 * @param job the job itself
 * @param idempotencyKey the client's {@code Idempotency-Key}, or null
 * @param requestHash SHA-256 of the request, compared when the key comes again; null without a key
 * @param requestId the request's correlation id, recorded in the job's first event and message
 * @param maxQueuedJobs how many of the tenant's jobs of this job's lane may wait at once, this one
 *     included: a batch waiting in the batch lane never fills the interactive lane's queue
 * @param traceparent W3C trace context of the request, carried by the dispatch message so that the
 *     relay and the worker continue its trace; null when tracing is off
 */
public record Submission(
    NewJob job,
    String idempotencyKey,
    byte[] requestHash,
    String requestId,
    int maxQueuedJobs,
    String traceparent) {

  public Submission(
      NewJob job, String idempotencyKey, byte[] requestHash, String requestId, int maxQueuedJobs) {
    this(job, idempotencyKey, requestHash, requestId, maxQueuedJobs, null);
  }

  public Submission {
    if ((idempotencyKey == null) != (requestHash == null)) {
      throw new IllegalArgumentException("an idempotency key comes with a request hash");
    }
  }
}
