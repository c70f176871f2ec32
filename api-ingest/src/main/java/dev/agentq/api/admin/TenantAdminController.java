package dev.agentq.api.admin;

import dev.agentq.api.auth.KeyCache;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestBodies;
import dev.agentq.schemas.TenantList;
import dev.agentq.schemas.TenantRequest;
import dev.agentq.schemas.TenantView;
import dev.agentq.store.Tenant;
import dev.agentq.store.TenantStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/admin/tenants}: create, list, read and re-limit tenants. Needs the admin key. */
@RestController
@RequestMapping(path = "/v1/admin/tenants", produces = MediaType.APPLICATION_JSON_VALUE)
public class TenantAdminController {
  private final TenantStore tenants;
  private final AdminViews views;
  private final RequestBodies bodies;
  private final KeyCache cache;

  public TenantAdminController(
      TenantStore tenants, AdminViews views, RequestBodies bodies, KeyCache cache) {
    this.tenants = tenants;
    this.views = views;
    this.bodies = bodies;
    this.cache = cache;
  }

  @ApiDoc(
      summary = "Create a tenant",
      access = ApiDoc.Access.ADMIN,
      request = "tenant-request",
      answers = @ApiDoc.Answer(status = 201, description = "Created", schema = "tenant"),
      problems = {400, 409, 413, 415})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TenantView> create(HttpServletRequest request) throws IOException {
    TenantRequest body = TenantRequest.parse(bodies.read(request));
    Tenant tenant =
        tenants
            .create(body.id(), body.name(), AdminViews.limits(body.limits()))
            .orElseThrow(() -> Codes.tenantExists(body.id()));
    return ResponseEntity.created(URI.create("/v1/admin/tenants/" + tenant.id()))
        .body(views.tenant(tenant));
  }

  @ApiDoc(
      summary = "List tenants",
      access = ApiDoc.Access.ADMIN,
      answers = @ApiDoc.Answer(status = 200, description = "Every tenant", schema = "tenant-list"))
  @GetMapping
  TenantList list() {
    return new TenantList(tenants.list().stream().map(views::tenant).toList());
  }

  @ApiDoc(
      summary = "Read a tenant",
      access = ApiDoc.Access.ADMIN,
      answers = @ApiDoc.Answer(status = 200, description = "The tenant", schema = "tenant"),
      problems = 404)
  @GetMapping("/{id}")
  TenantView get(@PathVariable String id) {
    return views.tenant(find(id));
  }

  @ApiDoc(
      summary = "Change a tenant's limits",
      access = ApiDoc.Access.ADMIN,
      request = "tenant-update",
      answers = @ApiDoc.Answer(status = 200, description = "The tenant", schema = "tenant"),
      problems = {400, 404, 413, 415})
  @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  TenantView update(@PathVariable String id, HttpServletRequest request) throws IOException {
    LimitsPatch patch = LimitsPatch.parse(bodies.read(request));
    Tenant current = find(id);
    Tenant updated =
        tenants
            .updateLimits(id, patch.applyTo(current.limits()))
            .orElseThrow(() -> Codes.tenantNotFound(id));
    cache.clear();
    return views.tenant(updated);
  }

  private Tenant find(String id) {
    return tenants.find(id).orElseThrow(() -> Codes.tenantNotFound(id));
  }
}
