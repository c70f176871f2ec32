package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.FakeDispatcher;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Receivers;
import dev.agentq.api.support.Requests;
import dev.agentq.api.support.Tenants;
import dev.agentq.schemas.Json;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.webhook.ReceivedWebhook;
import dev.agentq.testkit.webhook.WebhookReceiver;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A tenant registers webhook endpoints: the secret is shown when made and when rotated, never
 * again; event types are checked; a rotated-out secret keeps signing for the overlap asked for; an
 * endpoint agentq disabled says why and can be enabled again; other tenants cannot see it.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebhookEndpointsIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final FakeWorker WORKER = new FakeWorker(DB);
  private static final FakeDispatcher DISPATCHER = new FakeDispatcher(DB);
  private static final String ENDPOINTS = "/v1/webhooks/endpoints";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, TestKafka.newPrefix());
  }

  @AfterAll
  static void stop() {
    WORKER.close();
    DISPATCHER.close();
  }

  @LocalServerPort int port;
  private ApiClient acme;
  private WebhookReceiver receiver;

  @BeforeEach
  void tenant() {
    acme = Tenants.create(new ApiClient(port), "acme-" + suffix(), null);
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private JsonNode register(ApiClient client, String body) {
    ApiResponse response = client.postJson(ENDPOINTS, body);
    JsonNode endpoint = response.conforming(201, "webhook-endpoint-with-secret");
    assertThat(response.header("Location"))
        .isEqualTo(ENDPOINTS + "/" + endpoint.path("id").asString());
    return endpoint;
  }

  private JsonNode registerReceiver() {
    return register(acme, "{\"url\":\"" + receiver.url("/hooks") + "\"}");
  }

  private void finishAJob() {
    String id =
        acme.submit(Requests.digest("a document"))
            .conforming(202, "job-accepted")
            .path("id")
            .asString();
    WORKER.succeed(WORKER.claim(id));
  }

  private ReceivedWebhook theOnlyWebhook() {
    List<ReceivedWebhook> received = receiver.received();
    assertThat(received).hasSize(1);
    return received.getFirst();
  }

  private static ApiResponse post(ApiClient client, String path) {
    return client.send("POST", path, null, BodyPublishers.noBody());
  }

  @Test
  void aNewEndpointShowsItsSecretOnceAndNeverAgain() {
    JsonNode created =
        register(
            acme, "{\"url\":\"https://hooks.example.test/agentq\",\"description\":\"billing\"}");
    String secret = created.path("secret").asString();
    String id = created.path("id").asString();

    assertThat(secret).startsWith("whsec_");
    assertThat(created.path("url").asString()).isEqualTo("https://hooks.example.test/agentq");
    assertThat(created.path("description").asString()).isEqualTo("billing");
    assertThat(created.path("enabled").asBoolean()).isTrue();
    assertThat(created.path("event_types"))
        .isEqualTo(
            Json.parse("[\"job.succeeded\",\"job.failed\",\"job.cancelled\",\"batch.completed\"]"));
    assertThat(created.at("/secrets/0/expires_at").isNull()).isTrue();

    ApiResponse read = acme.get(ENDPOINTS + "/" + id);
    ApiResponse list = acme.get(ENDPOINTS);
    JsonNode endpoint = read.conforming(200, "webhook-endpoint");
    JsonNode all = list.conforming(200, "webhook-endpoint-list");
    assertThat(endpoint.path("secret").isMissingNode()).isTrue();
    assertThat(read.body()).doesNotContain(secret).doesNotContain("whsec_");
    assertThat(list.body()).doesNotContain(secret).doesNotContain("whsec_");
    assertThat(all.at("/data/0/id").asString()).isEqualTo(id);
    assertThat(all.path("data")).hasSize(1);
  }

  @Test
  void anEndpointGetsOnlyTheEventTypesItNames() {
    JsonNode failuresOnly =
        register(
            acme, "{\"url\":\"" + receiver.url("/hooks") + "\",\"event_types\":[\"job.failed\"]}");
    assertThat(failuresOnly.path("event_types")).isEqualTo(Json.parse("[\"job.failed\"]"));

    finishAJob();
    DISPATCHER.deliverDue();

    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void anUnknownEventTypeIsNamedAndNothingIsRegistered() {
    JsonNode problem =
        acme.postJson(
                ENDPOINTS,
                "{\"url\":\"https://hooks.example.test/a\","
                    + "\"event_types\":[\"job.succeeded\",\"job.finished\"]}")
            .problem(400, "unknown_event_type");

    assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/event_types/1");
    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.path("detail").asString())
        .contains(
            "job.succeeded", "job.failed", "job.cancelled", "batch.completed", "job.progress");
    assertThat(acme.get(ENDPOINTS).conforming(200, "webhook-endpoint-list").path("data")).isEmpty();
  }

  @Test
  void aBodyOutsideTheSchemaIsAnInvalidRequest() {
    acme.postJson(ENDPOINTS, "{\"description\":\"no url\"}").problem(400, "invalid_request");
    acme.postJson(ENDPOINTS, "{\"url\":\"https://hooks.example.test/a\",\"event_types\":[]}")
        .problem(400, "invalid_request");
    acme.postJson(ENDPOINTS, "{\"url\":\"ftp://hooks.example.test/a\"}")
        .problem(400, "invalid_request");
  }

  @Test
  void anEndpointAtAPrivateOrMetadataAddressIsRefusedWithTheReason() {
    JsonNode privateAddress =
        acme.postJson(ENDPOINTS, "{\"url\":\"http://10.1.2.3/hooks\"}")
            .problem(422, "webhook_url_forbidden");
    JsonNode metadata =
        acme.postJson(ENDPOINTS, "{\"url\":\"http://169.254.169.254/latest/meta-data/\"}")
            .problem(422, "webhook_url_forbidden");

    assertThat(privateAddress.path("detail").asString())
        .contains("10.1.2.3")
        .contains("not a public address");
    assertThat(privateAddress.at("/errors/0/pointer").asString()).isEqualTo("/url");
    assertThat(metadata.path("detail").asString()).contains("169.254.169.254");
    assertThat(acme.get(ENDPOINTS).conforming(200, "webhook-endpoint-list").path("data")).isEmpty();
  }

  @Test
  void aRotatedOutSecretStillSignsDuringTheOverlap() {
    JsonNode created = registerReceiver();
    String old = created.path("secret").asString();
    String path = ENDPOINTS + "/" + created.path("id").asString();

    JsonNode rotated =
        post(acme, path + "/rotate-secret").conforming(200, "webhook-endpoint-with-secret");
    String fresh = rotated.path("secret").asString();

    assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
    assertThat(rotated.path("secrets")).hasSize(2);
    assertThat(rotated.at("/secrets/0/expires_at").isNull()).isTrue();
    assertThat(Instant.parse(rotated.at("/secrets/1/expires_at").asString()))
        .isAfter(Instant.now().plus(Duration.ofHours(23)))
        .isBefore(Instant.now().plus(Duration.ofHours(25)));
    ApiResponse read = acme.get(path);
    assertThat(read.conforming(200, "webhook-endpoint").path("secrets")).hasSize(2);
    assertThat(read.body()).doesNotContain(old).doesNotContain(fresh);

    finishAJob();
    DISPATCHER.deliverDue();

    ReceivedWebhook webhook = theOnlyWebhook();
    assertThat(webhook.signature().split(" ")).hasSize(2);
    assertThat(Receivers.verify(fresh, webhook)).isTrue();
    assertThat(Receivers.verify(old, webhook)).isTrue();
  }

  @Test
  void aRotationWithoutOverlapStopsTheOldSecretAtOnce() {
    JsonNode created = registerReceiver();
    String old = created.path("secret").asString();
    String path = ENDPOINTS + "/" + created.path("id").asString();

    JsonNode rotated =
        acme.postJson(path + "/rotate-secret", "{\"overlap_seconds\":0}")
            .conforming(200, "webhook-endpoint-with-secret");
    String fresh = rotated.path("secret").asString();
    finishAJob();
    DISPATCHER.deliverDue();

    assertThat(rotated.path("secrets")).hasSize(1);
    ReceivedWebhook webhook = theOnlyWebhook();
    assertThat(Receivers.verify(fresh, webhook)).isTrue();
    assertThat(Receivers.verify(old, webhook)).isFalse();
  }

  @Test
  void aRotationAsksForAnOverlapOfAWeekAtMost() {
    String path = ENDPOINTS + "/" + registerReceiver().path("id").asString();

    acme.postJson(path + "/rotate-secret", "{\"overlap_seconds\":604801}")
        .problem(400, "invalid_request");
    acme.send("POST", path + "/rotate-secret", "text/plain", BodyPublishers.ofString("soon"))
        .problem(415, "unsupported_media_type");
    assertThat(acme.get(path).conforming(200, "webhook-endpoint").path("secrets")).hasSize(1);
  }

  @Test
  void anEndpointAgentqDisabledSaysWhyAndGetsEventsAgainOnceEnabled() {
    receiver.answerWith(request -> WebhookReceiver.Answer.status(410));
    String id = registerReceiver().path("id").asString();
    finishAJob();
    DISPATCHER.deliverDue();

    JsonNode disabled = acme.get(ENDPOINTS + "/" + id).conforming(200, "webhook-endpoint");
    assertThat(disabled.path("enabled").asBoolean()).isFalse();
    assertThat(disabled.path("disabled_reason").asString()).contains("410");
    assertThat(disabled.path("disabled_at").isNull()).isFalse();
    String delivery =
        acme.get(ENDPOINTS + "/" + id + "/deliveries")
            .conforming(200, "webhook-delivery-list")
            .at("/data/0/id")
            .asString();
    post(acme, "/v1/webhooks/deliveries/" + delivery + "/redeliver")
        .problem(409, "webhook_endpoint_disabled");

    receiver.answerWith(request -> WebhookReceiver.Answer.ok());
    JsonNode enabled =
        post(acme, ENDPOINTS + "/" + id + "/enable").conforming(200, "webhook-endpoint");
    assertThat(enabled.path("enabled").asBoolean()).isTrue();
    assertThat(enabled.path("disabled_reason").isNull()).isTrue();
    assertThat(enabled.path("disabled_at").isNull()).isTrue();
    post(acme, "/v1/webhooks/deliveries/" + delivery + "/redeliver")
        .conforming(202, "webhook-delivery");
    finishAJob();
    DISPATCHER.deliverDue();

    // The refused message again, with its webhook-id, and the next job's.
    List<String> ids = receiver.received().stream().map(ReceivedWebhook::id).toList();
    assertThat(ids).hasSize(3);
    assertThat(ids.stream().filter(ids.getFirst()::equals)).hasSize(2);
  }

  @Test
  void aDeletedEndpointIsGoneAndGetsNothingMore() {
    String path = ENDPOINTS + "/" + registerReceiver().path("id").asString();

    ApiResponse deleted = acme.send("DELETE", path, null, BodyPublishers.noBody());
    finishAJob();
    DISPATCHER.deliverDue();

    assertThat(deleted.status()).isEqualTo(204);
    acme.get(path).problem(404, "webhook_endpoint_not_found");
    acme.send("DELETE", path, null, BodyPublishers.noBody())
        .problem(404, "webhook_endpoint_not_found");
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void anotherTenantsEndpointIsNotFoundLikeAnUnknownId() {
    String id = registerReceiver().path("id").asString();
    String unknown = UUID.randomUUID().toString();
    ApiClient globex = Tenants.create(new ApiClient(port), "globex-" + suffix(), null);

    for (String anId : List.of(id, unknown)) {
      String path = ENDPOINTS + "/" + anId;
      globex.get(path).problem(404, "webhook_endpoint_not_found");
      globex.get(path + "/deliveries").problem(404, "webhook_endpoint_not_found");
      post(globex, path + "/rotate-secret").problem(404, "webhook_endpoint_not_found");
      post(globex, path + "/enable").problem(404, "webhook_endpoint_not_found");
      globex
          .send("DELETE", path, null, BodyPublishers.noBody())
          .problem(404, "webhook_endpoint_not_found");
    }
    globex.get(ENDPOINTS + "/not-an-id").problem(404, "webhook_endpoint_not_found");

    assertThat(globex.get(ENDPOINTS).conforming(200, "webhook-endpoint-list").path("data"))
        .isEmpty();
    JsonNode own = acme.get(ENDPOINTS + "/" + id).conforming(200, "webhook-endpoint");
    assertThat(own.path("secrets")).hasSize(1);
    assertThat(own.path("enabled").asBoolean()).isTrue();
  }
}
