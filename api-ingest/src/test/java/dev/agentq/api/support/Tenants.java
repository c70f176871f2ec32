package dev.agentq.api.support;

import tools.jackson.databind.JsonNode;

/** Makes tenants and keys through the admin API, as an operator would. */
public final class Tenants {
  private Tenants() {}

  /**
   * Creates tenant {@code id} with {@code limitsJson} (or none) and returns a client of its own.
   */
  public static ApiClient create(ApiClient api, String id, String limitsJson) {
    String body =
        "{\"id\":\"" + id + "\"" + (limitsJson == null ? "" : ",\"limits\":" + limitsJson) + "}";
    api.admin().postJson("/v1/admin/tenants", body).conforming(201, "tenant");
    return api.as(newKey(api, id));
  }

  /** A new key of tenant {@code id}. */
  public static String newKey(ApiClient api, String id) {
    JsonNode key =
        api.admin()
            .postJson("/v1/admin/tenants/" + id + "/keys", "{\"name\":\"test\"}")
            .conforming(201, "api-key-created");
    return key.path("key").asString();
  }
}
