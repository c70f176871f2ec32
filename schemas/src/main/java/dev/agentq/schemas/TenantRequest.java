package dev.agentq.schemas;

import tools.jackson.databind.JsonNode;

/** Body of {@code POST /v1/admin/tenants}; mirrors {@code tenant-request.schema.json}. */
public record TenantRequest(String id, String name, LimitsView limits) {
  public static final String SCHEMA = "tenant-request";

  public TenantRequest {
    name = name == null ? id : name;
    limits = limits == null ? new LimitsView(null, null, null) : limits;
  }

  /** Parses and validates a request body; throws a {@link ContractException} subtype if bad. */
  public static TenantRequest parse(byte[] body) {
    JsonNode tree = Json.parse(body);
    JsonSchemas.get().require(SCHEMA, tree);
    StorableText.require(tree);
    return Json.convert(tree, TenantRequest.class);
  }
}
