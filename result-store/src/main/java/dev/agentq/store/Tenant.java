package dev.agentq.store;

import java.time.Instant;

/**
 * A customer of the platform: every job, key and event belongs to exactly one.
 *
 * @param id short stable name, such as {@code acme}
 * @param name for people
 * @param limits its own limits; a null component means the deployment's default
 */
public record Tenant(
    String id, String name, TenantLimits limits, Instant createdAt, Instant updatedAt) {}
