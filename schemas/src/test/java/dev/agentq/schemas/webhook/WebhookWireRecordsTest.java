package dev.agentq.schemas.webhook;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.schemas.ContractViolationException;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The webhook API's records conform to their schemas, and its requests parse as documented. */
class WebhookWireRecordsTest {
  private static final UUID ID = UUID.fromString("0b7e3a5e-8d34-4f3c-9a55-1f4f5f8a9b10");
  private static final Instant T0 = Instant.parse("2026-11-26T10:15:30.123456Z");
  private static final Instant T1 = T0.plusSeconds(86_400);

  private static void assertConforms(String schema, Object record) {
    assertThat(JsonSchemas.get().violations(schema, Json.toTree(record)))
        .as("%s as JSON: %s", schema, Json.write(record))
        .isEmpty();
  }

  private static WebhookEndpointView endpoint(boolean enabled) {
    return new WebhookEndpointView(
        ID,
        "https://hooks.example.com/agentq",
        enabled ? "billing" : null,
        WebhookEvent.DEFAULT_TYPES,
        enabled,
        enabled ? null : "the endpoint answered 410 Gone",
        enabled ? null : T1,
        enabled ? null : T0,
        List.of(new WebhookSecretView(T1, null), new WebhookSecretView(T0, T1)),
        T0,
        T1);
  }

  @Test
  void endpointsWithAndWithoutTheirSecret() {
    assertConforms("webhook-endpoint", endpoint(true));
    assertConforms("webhook-endpoint", endpoint(false));
    assertConforms("webhook-endpoint-list", new WebhookEndpointList(List.of(endpoint(true))));
    String secret = WebhookSignature.newSecret();
    var created = WebhookEndpointWithSecret.of(endpoint(true), secret);
    assertConforms("webhook-endpoint-with-secret", created);
    assertThat(created.toString()).doesNotContain(secret);
    assertThat(JsonSchemas.get().violations("webhook-endpoint", Json.toTree(created)))
        .extracting(Violation::pointer)
        .containsExactly("/secret");
  }

  @Test
  void theSigningSecretNeverPrintsItself() {
    String secret = WebhookSignature.newSecret();
    var view = new WebhookSigningSecretView(secret, T0, List.of(new WebhookSecretView(T0, null)));
    assertConforms("webhook-signing-secret", view);
    assertThat(view.toString()).doesNotContain(secret);
  }

  @Test
  void deliveriesWithTheirAttempts() {
    var delivery =
        new WebhookDeliveryView(
            "msg_0123456789abcdef0123456789abcdef",
            null,
            ID,
            "https://hooks.example.com/agentq",
            WebhookEvent.JOB_SUCCEEDED,
            "delivered",
            null,
            T0,
            T1,
            List.of(
                new WebhookAttemptView(1, T0, 503, 12, "the receiver answered 503"),
                new WebhookAttemptView(2, T0.plusSeconds(5), null, 5000, "no answer within 5 s"),
                new WebhookAttemptView(3, T1, 200, 8, null)));
    assertConforms("webhook-delivery", delivery);
    assertConforms("webhook-delivery-list", new WebhookDeliveryList(List.of(delivery)));
  }

  @Test
  void anEndpointRequestNamesEachUnknownEventType() {
    var request =
        WebhookEndpointRequest.parse(
            """
            {"url":"https://hooks.example.com/a","event_types":["job.succeeded","job.done","x"]}
            """
                .getBytes(UTF_8));
    assertThat(request.unknownEventTypes())
        .extracting(Violation::pointer)
        .containsExactly("/event_types/1", "/event_types/2");
    var defaults =
        WebhookEndpointRequest.parse("{\"url\":\"https://h.example.com\"}".getBytes(UTF_8));
    assertThat(defaults.eventTypes()).isEmpty();
    assertThat(defaults.unknownEventTypes()).isEmpty();
  }

  @Test
  void aRotationOverlapsADayUnlessTold() {
    assertThat(WebhookRotateRequest.parse(new byte[0]).overlap()).isEqualTo(Duration.ofHours(24));
    assertThat(WebhookRotateRequest.parse("{}".getBytes(UTF_8)).overlap())
        .isEqualTo(Duration.ofHours(24));
    assertThat(WebhookRotateRequest.parse("{\"overlap_seconds\":0}".getBytes(UTF_8)).overlap())
        .isZero();
    assertThatThrownBy(
            () -> WebhookRotateRequest.parse("{\"overlap_seconds\":604801}".getBytes(UTF_8)))
        .isInstanceOf(ContractViolationException.class);
  }
}
