package dev.agentq.schemas;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A tenant in the admin API; mirrors {@code tenant.schema.json}.
 *
 * @param limits its own limits, null components following the defaults
 * @param effectiveLimits the limits in force
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TenantView(
    String object,
    String id,
    String name,
    LimitsView limits,
    LimitsView effectiveLimits,
    Instant createdAt,
    Instant updatedAt) {

  public TenantView(
      String id,
      String name,
      LimitsView limits,
      LimitsView effectiveLimits,
      Instant createdAt,
      Instant updatedAt) {
    this("tenant", id, name, limits, effectiveLimits, createdAt, updatedAt);
  }
}
