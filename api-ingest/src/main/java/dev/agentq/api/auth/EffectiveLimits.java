package dev.agentq.api.auth;

import dev.agentq.api.config.LimitProperties;
import dev.agentq.schemas.LimitsView;
import dev.agentq.store.RateLimiter;
import dev.agentq.store.TenantLimits;

/** A tenant's own limits where it has them, the deployment's defaults elsewhere. */
public final class EffectiveLimits {
  private final LimitProperties defaults;

  public EffectiveLimits(LimitProperties defaults) {
    this.defaults = defaults;
  }

  public RateLimiter.Rate rate(TenantLimits limits) {
    return new RateLimiter.Rate(
        orElse(limits.requestsPerSecond(), defaults.requestsPerSecond()),
        orElse(limits.burst(), defaults.burst()));
  }

  public int maxQueuedJobs(TenantLimits limits) {
    return orElse(limits.maxQueuedJobs(), defaults.maxQueuedJobs());
  }

  public LimitsView view(TenantLimits limits) {
    RateLimiter.Rate rate = rate(limits);
    return new LimitsView(rate.perSecond(), rate.burst(), maxQueuedJobs(limits));
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
