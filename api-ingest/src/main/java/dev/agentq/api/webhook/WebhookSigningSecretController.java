package dev.agentq.api.webhook;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.web.RequestBodies;
import dev.agentq.schemas.webhook.WebhookRotateRequest;
import dev.agentq.schemas.webhook.WebhookSigningSecretView;
import dev.agentq.store.webhook.WebhookSecret;
import dev.agentq.store.webhook.WebhookStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/webhooks/signing-secret}: the tenant's secret that signs webhooks to jobs' own {@code
 * webhook_url}s. Unlike an endpoint's secret it is shown on every read: whoever receives job
 * webhooks must be able to fetch it, and a tenant's API key already controls all of its jobs.
 */
@RestController
@RequestMapping(path = "/v1/webhooks/signing-secret", produces = MediaType.APPLICATION_JSON_VALUE)
public class WebhookSigningSecretController {
  private final WebhookStore store;
  private final RequestBodies bodies;
  private final Clock clock;

  public WebhookSigningSecretController(WebhookStore store, RequestBodies bodies, Clock clock) {
    this.store = store;
    this.bodies = bodies;
    this.clock = clock;
  }

  @ApiDoc(
      summary = "Read the job webhook signing secret",
      description =
          "The secret that signs webhooks sent to jobs' own webhook_url, made on first use."
              + " Registered endpoints have secrets of their own.",
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "The current secret",
              schema = "webhook-signing-secret"))
  @GetMapping
  WebhookSigningSecretView get(Caller caller) {
    return view(store.signingSecrets(caller.tenantId()));
  }

  @ApiDoc(
      summary = "Rotate the job webhook signing secret",
      description =
          "A new secret signs from now on; the old one signs too, so every job webhook carries"
              + " both signatures, for overlap_seconds (24 hours when left out; 0 stops it at"
              + " once).",
      request = "webhook-rotate-request",
      requestOptional = true,
      answers =
          @ApiDoc.Answer(
              status = 200,
              description = "The new secret",
              schema = "webhook-signing-secret"),
      problems = {400, 413, 415})
  @PostMapping("/rotate")
  WebhookSigningSecretView rotate(Caller caller, HttpServletRequest request) throws IOException {
    WebhookRotateRequest body = WebhookRotateRequest.parse(bodies.readOptionalJson(request));
    return view(store.rotateSigningSecret(caller.tenantId(), body.overlap()));
  }

  /** Secrets are stored newest first; the newest is the current one. */
  private WebhookSigningSecretView view(List<WebhookSecret> secrets) {
    WebhookSecret current = secrets.getFirst();
    return new WebhookSigningSecretView(
        current.value(), current.createdAt(), WebhookViews.secrets(secrets, clock.instant()));
  }
}
