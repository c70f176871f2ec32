package dev.agentq.api.webhook;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.job.TenantJobs;
import dev.agentq.api.problem.Codes;
import dev.agentq.schemas.Violation;
import dev.agentq.schemas.webhook.WebhookDeliveryList;
import dev.agentq.schemas.webhook.WebhookDeliveryView;
import dev.agentq.store.Job;
import dev.agentq.store.webhook.WebhookDelivery;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.store.webhook.WebhookStore;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery logs, per job and per endpoint, with every attempt (time, status code, latency, error),
 * and redelivery: the same message, with the same {@code webhook-id}, sent again.
 */
@RestController
public class WebhookDeliveryController {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final WebhookStore store;
  private final TenantJobs tenantJobs;
  private final TenantEndpoints endpoints;

  public WebhookDeliveryController(WebhookStore store, TenantJobs tenantJobs) {
    this.store = store;
    this.tenantJobs = tenantJobs;
    this.endpoints = new TenantEndpoints(store);
  }

  @ApiDoc(
      summary = "List a job's webhooks",
      description =
          "Every webhook the job caused, to its own webhook_url and to endpoints, oldest first,"
              + " each with its attempts.",
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "Its deliveries",
              schema = "webhook-delivery-list"),
      problems = 404)
  @GetMapping(path = "/v1/jobs/{id}/webhooks", produces = MediaType.APPLICATION_JSON_VALUE)
  WebhookDeliveryList ofJob(Caller caller, @PathVariable String id) {
    Job job = tenantJobs.find(caller, id);
    return WebhookViews.deliveries(store, store.deliveriesOfJob(caller.tenantId(), job.id()));
  }

  @ApiDoc(
      summary = "List an endpoint's deliveries",
      description = "Newest first, each with its attempts.",
      query = "limit: 1 to 100, default 20",
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "Its latest deliveries",
              schema = "webhook-delivery-list"),
      problems = {400, 404})
  @GetMapping(
      path = "/v1/webhooks/endpoints/{id}/deliveries",
      produces = MediaType.APPLICATION_JSON_VALUE)
  WebhookDeliveryList ofEndpoint(
      Caller caller, @PathVariable String id, HttpServletRequest request) {
    int limit = limit(request.getParameterMap());
    WebhookEndpoint endpoint = endpoints.find(caller, id);
    return WebhookViews.deliveries(
        store, store.deliveriesOfEndpoint(caller.tenantId(), endpoint.id(), limit));
  }

  @ApiDoc(
      summary = "Read a webhook delivery",
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "The delivery and its attempts",
              schema = "webhook-delivery"),
      problems = 404)
  @GetMapping(path = "/v1/webhooks/deliveries/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  WebhookDeliveryView get(Caller caller, @PathVariable String id) {
    return view(find(caller, id));
  }

  @ApiDoc(
      summary = "Send a webhook again",
      description =
          "The same message, with the same webhook-id, as soon as a worker can: whether it was"
              + " delivered, failed or is waiting for its next attempt. Its log shows the new"
              + " attempt. 409 while an attempt is in flight, or when its endpoint is disabled.",
      answers =
          @ApiDoc.Answer(
              status = 202,
              description = "Queued to be sent again",
              schema = "webhook-delivery"),
      problems = {404, 409})
  @PostMapping(
      path = "/v1/webhooks/deliveries/{id}/redeliver",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<WebhookDeliveryView> redeliver(Caller caller, @PathVariable String id) {
    WebhookDelivery delivery = find(caller, id);
    if (delivery.endpointId() != null
        && !store
            .endpoint(caller.tenantId(), delivery.endpointId())
            .map(WebhookEndpoint::enabled)
            .orElse(true)) {
      throw Codes.webhookEndpointDisabled(id, delivery.endpointId().toString());
    }
    // Empty when an attempt is in flight: the store never resets a delivery being sent.
    WebhookDelivery queued =
        store.redeliver(caller.tenantId(), id).orElseThrow(() -> Codes.webhookDeliveryInFlight(id));
    return ResponseEntity.accepted()
        .location(URI.create("/v1/webhooks/deliveries/" + id))
        .body(view(queued));
  }

  private WebhookDelivery find(Caller caller, String id) {
    return store
        .delivery(caller.tenantId(), id)
        .orElseThrow(() -> Codes.webhookDeliveryNotFound(id));
  }

  private WebhookDeliveryView view(WebhookDelivery delivery) {
    return WebhookViews.delivery(delivery, store.attempts(delivery.id()));
  }

  /** {@code limit}, the one parameter; anything else is reported, not ignored. */
  private static int limit(Map<String, String[]> parameters) {
    List<Violation> problems = new ArrayList<>();
    parameters.keySet().stream()
        .filter(name -> !name.equals("limit"))
        .sorted()
        .forEach(name -> problems.add(new Violation("/" + name, "unknown parameter")));
    String[] values = parameters.getOrDefault("limit", new String[0]);
    int limit = DEFAULT_LIMIT;
    if (values.length > 1) {
      problems.add(new Violation("/limit", "given more than once"));
    } else if (values.length == 1) {
      try {
        limit = Integer.parseInt(values[0]);
      } catch (NumberFormatException e) {
        limit = 0;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        problems.add(new Violation("/limit", "an integer from 1 to " + MAX_LIMIT));
      }
    }
    if (!problems.isEmpty()) {
      throw Codes.invalidQuery(problems);
    }
    return limit;
  }
}
