package dev.agentq.api.admin;

import dev.agentq.api.auth.EffectiveLimits;
import dev.agentq.schemas.ApiKeyView;
import dev.agentq.schemas.LimitsView;
import dev.agentq.schemas.TenantView;
import dev.agentq.store.ApiKey;
import dev.agentq.store.Tenant;
import dev.agentq.store.TenantLimits;

/** From stored tenants and keys to the admin API's wire records. */
public final class AdminViews {
  private final EffectiveLimits limits;

  public AdminViews(EffectiveLimits limits) {
    this.limits = limits;
  }

  TenantView tenant(Tenant tenant) {
    TenantLimits own = tenant.limits();
    return new TenantView(
        tenant.id(),
        tenant.name(),
        new LimitsView(own.requestsPerSecond(), own.burst(), own.maxQueuedJobs()),
        limits.view(own),
        tenant.createdAt(),
        tenant.updatedAt());
  }

  static ApiKeyView key(ApiKey key) {
    return new ApiKeyView(
        key.id(), key.tenantId(), key.name(), key.prefix(), key.createdAt(), key.revokedAt());
  }

  static TenantLimits limits(LimitsView view) {
    return new TenantLimits(view.requestsPerSecond(), view.burst(), view.maxQueuedJobs());
  }
}
