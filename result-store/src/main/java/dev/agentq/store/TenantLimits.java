package dev.agentq.store;

/**
 * A tenant's own limits. A null component means the deployment's default.
 *
 * @param requestsPerSecond how fast each of its keys' token buckets refill
 * @param burst how many tokens each bucket holds when full
 * @param maxQueuedJobs how many of its jobs may wait to run at once
 */
public record TenantLimits(Double requestsPerSecond, Integer burst, Integer maxQueuedJobs) {
  public static final TenantLimits DEFAULTS = new TenantLimits(null, null, null);

  public TenantLimits {
    if (requestsPerSecond != null && !(requestsPerSecond > 0)) {
      throw new IllegalArgumentException("requestsPerSecond must be positive");
    }
    if (burst != null && burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
    if (maxQueuedJobs != null && maxQueuedJobs < 1) {
      throw new IllegalArgumentException("maxQueuedJobs must be at least 1");
    }
  }
}
