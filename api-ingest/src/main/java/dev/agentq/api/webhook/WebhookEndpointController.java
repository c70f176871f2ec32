package dev.agentq.api.webhook;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestBodies;
import dev.agentq.schemas.Violation;
import dev.agentq.schemas.webhook.WebhookEndpointList;
import dev.agentq.schemas.webhook.WebhookEndpointRequest;
import dev.agentq.schemas.webhook.WebhookEndpointView;
import dev.agentq.schemas.webhook.WebhookEndpointWithSecret;
import dev.agentq.schemas.webhook.WebhookRotateRequest;
import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.store.webhook.WebhookStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
 * {@code /v1/webhooks/endpoints}: register a receiver for some event types, list and read them,
 * delete one, rotate its secret, enable it again after agentq disabled it. A secret is shown when
 * it is made and never again.
 */
@RestController
@RequestMapping(path = "/v1/webhooks/endpoints", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookEndpointController {
  private final WebhookStore store;
  private final TenantEndpoints endpoints;
  private final WebhookUrlPolicy policy;
  private final RequestBodies bodies;
  private final Clock clock;

  public WebhookEndpointController(
      WebhookStore store, WebhookUrlPolicy policy, RequestBodies bodies, Clock clock) {
    this.store = store;
    this.endpoints = new TenantEndpoints(store);
    this.policy = policy;
    this.bodies = bodies;
    this.clock = clock;
  }

  @ApiDoc(
      summary = "Register a webhook endpoint",
      description =
          "The answer holds the endpoint's signing secret, shown this once. Without"
              + " event_types it gets every event but job.progress. An event type agentq does not"
              + " send answers 400 unknown_event_type; a URL the deployment refuses (not https,"
              + " or not a public address) 422 webhook_url_forbidden.",
      request = "webhook-endpoint-request",
      answers =
          @ApiDoc.Answer(
              status = 201,
              description = "Registered, with its secret",
              schema = "webhook-endpoint-with-secret"),
      problems = {400, 413, 415, 422})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<WebhookEndpointWithSecret> create(Caller caller, HttpServletRequest request)
      throws IOException {
    WebhookEndpointRequest body = WebhookEndpointRequest.parse(bodies.read(request));
    List<Violation> unknown = body.unknownEventTypes();
    if (!unknown.isEmpty()) {
      throw Codes.unknownEventType(unknown);
    }
    Optional<String> refused = policy.problem(body.url());
    if (refused.isPresent()) {
      throw Codes.webhookUrlForbidden("/url", refused.get());
    }
    WebhookEndpoint endpoint =
        store.createEndpoint(caller.tenantId(), body.url(), body.description(), body.eventTypes());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/v1/webhooks/endpoints/" + endpoint.id()))
        .body(withNewestSecret(endpoint));
  }

  @ApiDoc(
      summary = "List webhook endpoints",
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "The tenant's endpoints, oldest first, without secrets",
              schema = "webhook-endpoint-list"))
  @GetMapping
  WebhookEndpointList list(Caller caller) {
    return new WebhookEndpointList(
        store.endpoints(caller.tenantId()).stream()
            .map(endpoint -> WebhookViews.endpoint(endpoint, clock.instant()))
            .toList());
  }

  @ApiDoc(
      summary = "Read a webhook endpoint",
      description =
          "Without its secret. A disabled endpoint says why and since when; failing_since says"
              + " when deliveries to it began failing.",
      answers =
          @ApiDoc.Answer(status = 200, description = "The endpoint", schema = "webhook-endpoint"),
      problems = 404)
  @GetMapping("/{id}")
  WebhookEndpointView get(Caller caller, @PathVariable String id) {
    return WebhookViews.endpoint(endpoints.find(caller, id), clock.instant());
  }

  @ApiDoc(
      summary = "Delete a webhook endpoint",
      description = "It gets nothing more; its delivery log goes with it.",
      answers = @ApiDoc.Answer(status = 204, description = "Deleted"),
      problems = 404)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
    if (!TenantEndpoints.uuid(id)
        .map(uuid -> store.deleteEndpoint(caller.tenantId(), uuid))
        .orElse(false)) {
      throw Codes.webhookEndpointNotFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  @ApiDoc(
      summary = "Rotate a webhook endpoint's secret",
      description =
          "A new secret signs from now on and is in this answer only; the old one signs too, so"
              + " every webhook carries both signatures, for overlap_seconds (24 hours when left"
              + " out; 0 stops it at once).",
      request = "webhook-rotate-request",
      requestOptional = true,
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "The endpoint with its new secret",
              schema = "webhook-endpoint-with-secret"),
      problems = {400, 404, 413, 415})
  @PostMapping("/{id}/rotate-secret")
  WebhookEndpointWithSecret rotateSecret(
      Caller caller, @PathVariable String id, HttpServletRequest request) throws IOException {
    WebhookRotateRequest body = WebhookRotateRequest.parse(bodies.readOptionalJson(request));
    WebhookEndpoint endpoint = endpoints.find(caller, id);
    return store
        .rotateSecret(caller.tenantId(), endpoint.id(), body.overlap())
        .map(this::withNewestSecret)
        .orElseThrow(() -> Codes.webhookEndpointNotFound(id));
  }

  @ApiDoc(
      summary = "Enable a webhook endpoint",
      description =
          "After agentq disabled it (410 Gone, or failing for too long): it gets new events"
              + " again, and its disabled_reason and failing_since are cleared.",
      answers =
          @ApiDoc.Answer(status = 200, description = "The endpoint", schema = "webhook-endpoint"),
      problems = 404)
  @PostMapping("/{id}/enable")
  WebhookEndpointView enable(Caller caller, @PathVariable String id) {
    return TenantEndpoints.uuid(id)
        .flatMap(uuid -> store.enableEndpoint(caller.tenantId(), uuid))
        .map(endpoint -> WebhookViews.endpoint(endpoint, clock.instant()))
        .orElseThrow(() -> Codes.webhookEndpointNotFound(id));
  }

  private WebhookEndpointWithSecret withNewestSecret(WebhookEndpoint endpoint) {
    return WebhookEndpointWithSecret.of(
        WebhookViews.endpoint(endpoint, clock.instant()), endpoint.secrets().getFirst().value());
  }
}
