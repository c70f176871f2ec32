package dev.agentq.schemas;

import java.util.List;

/** Answer of {@code GET /v1/admin/tenants}; mirrors {@code tenant-list.schema.json}. */
public record TenantList(String object, List<TenantView> data) {
  public TenantList(List<TenantView> data) {
    this("list", List.copyOf(data));
  }
}
