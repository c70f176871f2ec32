package dev.agentq.store;

import java.util.List;
import java.util.Optional;

/** Tenants. Each method is one transaction. */
public interface TenantStore {

  /** Creates the tenant; empty if one with that id exists already. */
  Optional<Tenant> create(String id, String name, TenantLimits limits);

  /** The tenant, creating it with default limits if it does not exist. */
  Tenant ensure(String id, String name);

  Optional<Tenant> find(String id);

  /** Every tenant, by id. */
  List<Tenant> list();

  /** Replaces the tenant's limits; empty if there is no such tenant. */
  Optional<Tenant> updateLimits(String id, TenantLimits limits);
}
