package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.FakeDispatcher;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Receivers;
import dev.agentq.api.support.Tenants;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.webhook.ReceivedWebhook;
import dev.agentq.testkit.webhook.WebhookReceiver;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A job's webhooks and an endpoint's deliveries are logged with every attempt; a delivery can be
 * sent again with its webhook-id; jobs' own webhook_urls are signed with the tenant's signing
 * secret and must not point inward; other tenants see none of it.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class WebhookDeliveriesIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final FakeWorker WORKER = new FakeWorker(DB);
  private static final FakeDispatcher DISPATCHER = new FakeDispatcher(DB);

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

  private static String withWebhook(String url) {
    return "{\"agent\":\"document-digest\",\"input\":{\"document\":\"Invoice 7, total $12.\"},"
        + "\"webhook_url\":\""
        + url
        + "\"}";
  }

  /** A job of {@code client} with {@code webhookUrl} (or none), which then succeeds. */
  private String finishedJob(ApiClient client, String webhookUrl) {
    String body =
        webhookUrl == null
            ? "{\"agent\":\"document-digest\",\"input\":{\"document\":\"x\"}}"
            : withWebhook(webhookUrl);
    String id = client.submit(body).conforming(202, "job-accepted").path("id").asString();
    WORKER.succeed(WORKER.claim(id));
    return id;
  }

  private static ApiResponse post(ApiClient client, String path) {
    return client.send("POST", path, null, BodyPublishers.noBody());
  }

  @Test
  void aJobsWebhookLogShowsEachAttemptAndARedeliveryKeepsTheWebhookId() {
    AtomicInteger calls = new AtomicInteger();
    receiver.answerWith(
        request ->
            calls.incrementAndGet() == 1
                ? WebhookReceiver.Answer.status(503)
                : WebhookReceiver.Answer.ok());
    String job = finishedJob(acme, receiver.url("/job"));
    DISPATCHER.deliverDue();

    JsonNode waiting =
        acme.get("/v1/jobs/" + job + "/webhooks").conforming(200, "webhook-delivery-list");
    assertThat(waiting.path("data")).hasSize(1);
    JsonNode delivery = waiting.at("/data/0");
    String id = delivery.path("id").asString();
    assertThat(delivery.path("job_id").asString()).isEqualTo(job);
    assertThat(delivery.path("endpoint_id").isNull()).isTrue();
    assertThat(delivery.path("url").asString()).isEqualTo(receiver.url("/job"));
    assertThat(delivery.path("event_type").asString()).isEqualTo("job.succeeded");
    assertThat(delivery.path("status").asString()).isEqualTo("pending");
    assertThat(delivery.path("next_attempt_at").isNull()).isFalse();
    assertThat(delivery.path("attempts")).hasSize(1);
    assertThat(delivery.at("/attempts/0/attempt").asInt()).isEqualTo(1);
    assertThat(delivery.at("/attempts/0/status_code").asInt()).isEqualTo(503);
    assertThat(delivery.at("/attempts/0/error").asString()).contains("503");
    assertThat(delivery.at("/attempts/0/latency_ms").asInt()).isNotNegative();

    ApiResponse redelivered = post(acme, "/v1/webhooks/deliveries/" + id + "/redeliver");
    assertThat(redelivered.conforming(202, "webhook-delivery").path("status").asString())
        .isEqualTo("pending");
    assertThat(redelivered.header("Location")).isEqualTo("/v1/webhooks/deliveries/" + id);
    DISPATCHER.deliverDue();

    assertThat(receiver.received()).extracting(ReceivedWebhook::id).containsExactly(id, id);
    JsonNode delivered =
        acme.get("/v1/webhooks/deliveries/" + id).conforming(200, "webhook-delivery");
    assertThat(delivered.path("status").asString()).isEqualTo("delivered");
    assertThat(delivered.path("delivered_at").isNull()).isFalse();
    assertThat(delivered.path("attempts")).hasSize(2);
    assertThat(delivered.at("/attempts/1/attempt").asInt()).isEqualTo(2);
    assertThat(delivered.at("/attempts/1/status_code").asInt()).isEqualTo(200);
    assertThat(delivered.at("/attempts/1/error").isNull()).isTrue();
    assertThat(
            acme.get("/v1/jobs/" + job + "/webhooks")
                .conforming(200, "webhook-delivery-list")
                .at("/data/0"))
        .isEqualTo(delivered);
  }

  @Test
  void aJobsLogListsItsOwnUrlAndEveryEndpoint() {
    String endpoint =
        acme.postJson("/v1/webhooks/endpoints", "{\"url\":\"" + receiver.url("/ep") + "\"}")
            .conforming(201, "webhook-endpoint-with-secret")
            .path("id")
            .asString();
    String job = finishedJob(acme, receiver.url("/job"));
    String quiet = finishedJob(acme, null);
    DISPATCHER.deliverDue();

    JsonNode log =
        acme.get("/v1/jobs/" + job + "/webhooks").conforming(200, "webhook-delivery-list");
    assertThat(log.path("data")).hasSize(2);
    assertThat(log.findValuesAsString("url"))
        .containsExactlyInAnyOrder(receiver.url("/job"), receiver.url("/ep"));
    assertThat(log.findValuesAsString("status")).containsOnly("delivered");
    assertThat(log.findValuesAsString("endpoint_id")).contains(endpoint);
    JsonNode onlyEndpoint =
        acme.get("/v1/jobs/" + quiet + "/webhooks").conforming(200, "webhook-delivery-list");
    assertThat(onlyEndpoint.path("data")).hasSize(1);
    assertThat(onlyEndpoint.at("/data/0/endpoint_id").asString()).isEqualTo(endpoint);
  }

  @Test
  void anEndpointsLogIsNewestFirstUpToTheLimit() {
    String endpoint =
        acme.postJson("/v1/webhooks/endpoints", "{\"url\":\"" + receiver.url("/ep") + "\"}")
            .conforming(201, "webhook-endpoint-with-secret")
            .path("id")
            .asString();
    String first = finishedJob(acme, null);
    String second = finishedJob(acme, null);
    String third = finishedJob(acme, null);
    DISPATCHER.deliverDue();
    String path = "/v1/webhooks/endpoints/" + endpoint + "/deliveries";

    JsonNode page = acme.get(path + "?limit=2").conforming(200, "webhook-delivery-list");
    JsonNode all = acme.get(path).conforming(200, "webhook-delivery-list");

    assertThat(page.findValuesAsString("job_id")).containsExactly(third, second);
    assertThat(all.findValuesAsString("job_id")).containsExactly(third, second, first);
    assertThat(all.findValuesAsString("status")).containsOnly("delivered");
    for (JsonNode delivery : all.path("data")) {
      assertThat(delivery.path("attempts")).hasSize(1);
      assertThat(delivery.at("/attempts/0/status_code").asInt()).isEqualTo(200);
    }
    for (String query : List.of("?limit=0", "?limit=101", "?limit=ten", "?since=yesterday")) {
      acme.get(path + query).problem(400, "invalid_query");
    }
  }

  @Test
  void aDeliveryBeingSentIsNotRedeliveredUntilItsAttemptIsRecorded() {
    String job = finishedJob(acme, receiver.url("/job"));
    String id =
        acme.get("/v1/jobs/" + job + "/webhooks")
            .conforming(200, "webhook-delivery-list")
            .at("/data/0/id")
            .asString();
    assertThat(DISPATCHER.claim()).hasSize(1);

    post(acme, "/v1/webhooks/deliveries/" + id + "/redeliver")
        .problem(409, "webhook_delivery_in_flight");
    assertThat(
            acme.get("/v1/webhooks/deliveries/" + id)
                .conforming(200, "webhook-delivery")
                .path("status")
                .asString())
        .isEqualTo("sending");
  }

  @Test
  void jobWebhooksAreSignedWithTheTenantsSigningSecretWhichRotates() {
    JsonNode signing =
        acme.get("/v1/webhooks/signing-secret").conforming(200, "webhook-signing-secret");
    String old = signing.path("secret").asString();
    assertThat(old).startsWith("whsec_");
    assertThat(acme.get("/v1/webhooks/signing-secret").json().path("secret").asString())
        .isEqualTo(old);
    finishedJob(acme, receiver.url("/job"));
    DISPATCHER.deliverDue();
    assertThat(Receivers.verify(old, receiver.received().getFirst())).isTrue();

    JsonNode rotated =
        acme.postJson("/v1/webhooks/signing-secret/rotate", "{\"overlap_seconds\":3600}")
            .conforming(200, "webhook-signing-secret");
    String fresh = rotated.path("secret").asString();
    finishedJob(acme, receiver.url("/job"));
    DISPATCHER.deliverDue();

    assertThat(fresh).isNotEqualTo(old);
    assertThat(rotated.path("secrets")).hasSize(2);
    assertThat(rotated.at("/secrets/1/expires_at").isNull()).isFalse();
    assertThat(acme.get("/v1/webhooks/signing-secret").json().path("secret").asString())
        .isEqualTo(fresh);
    ReceivedWebhook second = receiver.received().get(1);
    assertThat(Receivers.verify(fresh, second)).isTrue();
    assertThat(Receivers.verify(old, second)).isTrue();
  }

  @Test
  void tenantsHaveSigningSecretsOfTheirOwn() {
    ApiClient globex = Tenants.create(new ApiClient(port), "globex-" + suffix(), null);

    String acmes = acme.get("/v1/webhooks/signing-secret").json().path("secret").asString();
    String globexes = globex.get("/v1/webhooks/signing-secret").json().path("secret").asString();

    assertThat(acmes).isNotEqualTo(globexes);
  }

  @Test
  void aWebhookUrlAtAPrivateAddressIsRefusedAtSubmitAndNoJobIsMade() {
    for (String url :
        List.of(
            "http://10.0.0.7/hook",
            "http://192.168.1.20:8080/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00::1]/hook",
            "http://no-such-host.invalid/hook")) {
      JsonNode problem = acme.submit(withWebhook(url)).problem(422, "webhook_url_forbidden");
      assertThat(problem.at("/errors/0/pointer").asString()).as(url).isEqualTo("/webhook_url");
      assertThat(problem.path("detail").asString())
          .as(url)
          .containsAnyOf("not a public address", "does not resolve");
    }

    assertThat(acme.get("/v1/jobs").conforming(200, "job-list").path("data")).isEmpty();
    acme.submit(withWebhook(receiver.url("/allowed"))).conforming(202, "job-accepted");
  }

  @Test
  void anotherTenantsDeliveriesAreNotFoundLikeUnknownIds() {
    String job = finishedJob(acme, receiver.url("/job"));
    String delivery =
        acme.get("/v1/jobs/" + job + "/webhooks")
            .conforming(200, "webhook-delivery-list")
            .at("/data/0/id")
            .asString();
    ApiClient globex = Tenants.create(new ApiClient(port), "globex-" + suffix(), null);

    globex.get("/v1/jobs/" + job + "/webhooks").problem(404, "job_not_found");
    for (String id : List.of(delivery, "msg_" + UUID.randomUUID().toString().replace("-", ""))) {
      globex.get("/v1/webhooks/deliveries/" + id).problem(404, "webhook_delivery_not_found");
      post(globex, "/v1/webhooks/deliveries/" + id + "/redeliver")
          .problem(404, "webhook_delivery_not_found");
    }
    DISPATCHER.deliverDue();

    assertThat(receiver.received()).hasSize(1);
    assertThat(
            acme.get("/v1/webhooks/deliveries/" + delivery)
                .conforming(200, "webhook-delivery")
                .path("attempts"))
        .hasSize(1);
  }

  @Test
  void aJobWithoutWebhooksHasAnEmptyLog() {
    String job = finishedJob(acme, null);

    assertThat(
            acme.get("/v1/jobs/" + job + "/webhooks")
                .conforming(200, "webhook-delivery-list")
                .path("data"))
        .isEmpty();
    acme.get("/v1/jobs/" + UUID.randomUUID() + "/webhooks").problem(404, "job_not_found");
  }
}
