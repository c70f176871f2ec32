package dev.agentq.schemas;

import java.util.List;

/** Answer of {@code GET /v1/admin/tenants/{id}/keys}; mirrors {@code api-key-list.schema.json}. */
public record ApiKeyList(String object, List<ApiKeyView> data) {
  public ApiKeyList(List<ApiKeyView> data) {
    this("list", List.copyOf(data));
  }
}
