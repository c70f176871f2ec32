package dev.agentq.schemas;

import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /v1/admin/tenants/{id}/keys}; mirrors {@code api-key-request.schema.json}.
 */
public record ApiKeyRequest(String name) {
  public static final String SCHEMA = "api-key-request";

  public ApiKeyRequest {
    name = name == null ? "default" : name;
  }

  /** Parses and validates a request body; an empty body asks for a key named {@code default}. */
  public static ApiKeyRequest parse(byte[] body) {
    if (body.length == 0) {
      return new ApiKeyRequest(null);
    }
    JsonNode tree = Json.parse(body);
    JsonSchemas.get().require(SCHEMA, tree);
    StorableText.require(tree);
    return Json.convert(tree, ApiKeyRequest.class);
  }
}
