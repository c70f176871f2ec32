package dev.agentq.api.admin;

import dev.agentq.api.auth.ApiKeys;
import dev.agentq.api.auth.KeyCache;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestBodies;
import dev.agentq.schemas.ApiKeyCreated;
import dev.agentq.schemas.ApiKeyList;
import dev.agentq.schemas.ApiKeyRequest;
import dev.agentq.schemas.ApiKeyView;
import dev.agentq.store.ApiKey;
import dev.agentq.store.ApiKeyStore;
import dev.agentq.store.TenantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/admin/tenants/{id}/keys}: make a key (its secret is in that answer only), list keys,
 * revoke one. Needs the admin key.
 */
@RestController
@RequestMapping(
    path = "/v1/admin/tenants/{tenantId}/keys",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class KeyAdminController {
  private final ApiKeyStore keys;
  private final TenantStore tenants;
  private final RequestBodies bodies;
  private final KeyCache cache;

  public KeyAdminController(
      ApiKeyStore keys, TenantStore tenants, RequestBodies bodies, KeyCache cache) {
    this.keys = keys;
    this.tenants = tenants;
    this.bodies = bodies;
    this.cache = cache;
  }

  @ApiDoc(
      summary = "Create an API key",
      description = "The key itself is in this answer only; it is stored as a hash.",
      access = ApiDoc.Access.ADMIN,
      request = "api-key-request",
      requestOptional = true,
      answers = @ApiDoc.Answer(status = 201, description = "Created", schema = "api-key-created"),
      problems = {400, 404, 413, 415})
  @PostMapping
  ResponseEntity<ApiKeyCreated> create(@PathVariable String tenantId, HttpServletRequest request)
      throws IOException {
    // An empty body asks for a key named by default.
    ApiKeyRequest body = ApiKeyRequest.parse(bodies.readOptionalJson(request));
    String secret = ApiKeys.generate();
    ApiKey key =
        keys.create(tenantId, body.name(), ApiKeys.hash(secret), ApiKeys.prefix(secret))
            .orElseThrow(() -> Codes.tenantNotFound(tenantId));
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(ApiKeyCreated.of(AdminViews.key(key), secret));
  }

  @ApiDoc(
      summary = "List a tenant's API keys",
      access = ApiDoc.Access.ADMIN,
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "Its keys, without secrets",
              schema = "api-key-list"),
      problems = 404)
  @GetMapping
  ApiKeyList list(@PathVariable String tenantId) {
    tenants.find(tenantId).orElseThrow(() -> Codes.tenantNotFound(tenantId));
    return new ApiKeyList(keys.list(tenantId).stream().map(AdminViews::key).toList());
  }

  @ApiDoc(
      summary = "Revoke an API key",
      description =
          "At once on the instance that answers, within agentq.auth.key-cache-ttl (5 s by"
              + " default) on the others; revoking again changes nothing.",
      access = ApiDoc.Access.ADMIN,
      answers = @ApiDoc.Answer(status = 200, description = "The revoked key", schema = "api-key"),
      problems = 404)
  @DeleteMapping("/{keyId}")
  ApiKeyView revoke(@PathVariable String tenantId, @PathVariable String keyId) {
    tenants.find(tenantId).orElseThrow(() -> Codes.tenantNotFound(tenantId));
    ApiKeyView revoked =
        uuid(keyId)
            .flatMap(id -> keys.revoke(tenantId, id))
            .map(AdminViews::key)
            .orElseThrow(() -> Codes.keyNotFound(keyId));
    cache.clear();
    return revoked;
  }

  private static Optional<UUID> uuid(String text) {
    try {
      return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
