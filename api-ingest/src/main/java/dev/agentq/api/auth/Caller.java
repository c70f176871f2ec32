package dev.agentq.api.auth;

import dev.agentq.store.RateLimiter;
import java.util.UUID;

/**
 * Who made a request: the tenant, the key it used, and the limits in force for it.
 *
 * @param keyPrefix the key's first characters, for logs
 */
public record Caller(
    String tenantId, UUID keyId, String keyPrefix, RateLimiter.Rate rate, int maxQueuedJobs) {

  /** The request attribute under which the interceptor leaves the caller. */
  public static final String ATTRIBUTE = Caller.class.getName();
}
