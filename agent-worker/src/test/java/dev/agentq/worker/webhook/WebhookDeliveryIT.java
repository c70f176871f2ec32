package dev.agentq.worker.webhook;

import static dev.agentq.worker.fixture.DigestJobs.aDigestJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.webhook.WebhookSignature;
import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import dev.agentq.store.Job;
import dev.agentq.store.NewJob;
import dev.agentq.store.Outcome;
import dev.agentq.store.StoreMigrations;
import dev.agentq.store.Stores;
import dev.agentq.store.webhook.WebhookDelivery;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.webhook.ReceivedWebhook;
import dev.agentq.testkit.webhook.WebhookReceiver;
import dev.agentq.testkit.webhook.WebhookReceiver.Answer;
import dev.agentq.worker.metrics.WorkerMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Webhooks delivered over real HTTP to real receivers, from jobs ended in a real Postgres. */
class WebhookDeliveryIT {
  private static final List<Duration> FAST_SCHEDULE =
      List.of(
          Duration.ofMillis(300),
          Duration.ofMillis(300),
          Duration.ofMillis(300),
          Duration.ofMillis(300),
          Duration.ofMillis(300),
          Duration.ofMillis(300));

  private final HikariDataSource dataSource = dataSource();
  private final Stores stores = Stores.postgres(dataSource, Clock.systemUTC());
  private final WebhookReceiver healthy = WebhookReceiver.start();
  private WebhookDispatcher dispatcher =
      dispatcher(new WebhookUrlPolicy(true, List.of("127.0.0.1", "localhost")));

  private static HikariDataSource dataSource() {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(TestPostgres.newSchema().jdbcUrl());
    dataSource.setMaximumPoolSize(8);
    StoreMigrations.migrate(dataSource);
    return dataSource;
  }

  private WebhookDispatcher dispatcher(WebhookUrlPolicy policy) {
    return new WebhookDispatcher(
        stores.webhooks(),
        new DeliverySettings(
            FAST_SCHEDULE,
            Duration.ofDays(5),
            policy,
            64,
            4,
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofMillis(50)),
        new WorkerMetrics(new SimpleMeterRegistry()),
        Clock.systemUTC(),
        new Random(1),
        "dispatcher-test");
  }

  @AfterEach
  void tearDown() {
    dispatcher.close();
    healthy.close();
    stores.close();
    dataSource.close();
  }

  /** Submits a job with a webhook URL, runs it through the store, and ends it. */
  private Job endJob(String webhookUrl, String tenant) {
    NewJob template = aDigestJob().forTenant(tenant).build();
    NewJob job =
        new NewJob(
            template.id(),
            tenant,
            template.agent(),
            template.lane(),
            template.input(),
            null,
            webhookUrl,
            Map.of("order", "42"),
            3);
    stores.jobs().submit(job);
    Job claimed = stores.jobs().claim(List.of(job.id()), "w", Duration.ofMinutes(1)).getFirst();
    return stores
        .jobs()
        .finish(claimed.id(), 1, new Outcome.Succeeded(Json.parse("{\"ok\":true}"), "m"));
  }

  private static String opensslSignature(String secret, ReceivedWebhook webhook)
      throws IOException, InterruptedException {
    byte[] key =
        java.util.Base64.getDecoder()
            .decode(secret.substring(WebhookSignature.SECRET_PREFIX.length()));
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "dgst",
                "-sha256",
                "-mac",
                "HMAC",
                "-macopt",
                "hexkey:" + HexFormat.of().formatHex(key),
                "-binary")
            .start();
    openssl
        .getOutputStream()
        .write(
            (webhook.id() + "." + webhook.timestamp() + "." + webhook.body())
                .getBytes(StandardCharsets.UTF_8));
    openssl.getOutputStream().close();
    byte[] mac = openssl.getInputStream().readAllBytes();
    assertThat(openssl.waitFor()).isZero();
    return java.util.Base64.getEncoder().encodeToString(mac);
  }

  @Test
  void aJobsWebhookIsSignedPerStandardWebhooksAsOpensslComputesIt() throws Exception {
    Job job = endJob(healthy.url("/job-hook"), "acme");

    await().atMost(Duration.ofSeconds(20)).until(() -> healthy.received().size() == 1);
    ReceivedWebhook webhook = healthy.received().getFirst();
    String secret = stores.webhooks().signingSecrets("acme").getFirst().value();

    assertThat(webhook.id()).startsWith("msg_");
    assertThat(webhook.headers().get("content-type")).isEqualTo("application/json");
    assertThat(webhook.signature()).isEqualTo("v1," + opensslSignature(secret, webhook));
    var body = Json.parse(webhook.body());
    assertThat(JsonSchemas.get().violations("webhook-event", body)).isEmpty();
    assertThat(body.path("type").asString()).isEqualTo("job.succeeded");
    assertThat(body.at("/data/id").asString()).isEqualTo(job.id().toString());
    assertThat(body.at("/data/output/ok").asBoolean()).isTrue();
    assertThat(body.at("/data/metadata/order").asString()).isEqualTo("42");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stores
                    .webhooks()
                    .deliveriesOfJob("acme", job.id())
                    .getFirst()
                    .status()
                    .equals("delivered"));
  }

  @Test
  void aReceiverThatIsDownForAWhileGetsEveryEventWithItsOriginalId() {
    WebhookEndpoint endpoint =
        stores.webhooks().createEndpoint("acme", healthy.url("/endpoint"), "ops", List.of());
    healthy.down();
    List<Job> jobs = List.of(endJob(null, "acme"), endJob(null, "acme"), endJob(null, "acme"));
    await("attempts fail while it is down")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                stores.webhooks().deliveriesOfEndpoint("acme", endpoint.id(), 10).stream()
                    .allMatch(d -> d.attempts() >= 2));

    healthy.up();
    await("every event arrives")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                stores.webhooks().deliveriesOfEndpoint("acme", endpoint.id(), 10).stream()
                    .allMatch(d -> d.status().equals("delivered")));

    List<WebhookDelivery> deliveries =
        stores.webhooks().deliveriesOfEndpoint("acme", endpoint.id(), 10);
    assertThat(deliveries).hasSize(3);
    assertThat(healthy.received())
        .extracting(ReceivedWebhook::id)
        .containsExactlyInAnyOrderElementsOf(deliveries.stream().map(WebhookDelivery::id).toList());
    assertThat(healthy.received())
        .extracting(w -> Json.parse(w.body()).at("/data/id").asString())
        .containsExactlyInAnyOrderElementsOf(jobs.stream().map(j -> j.id().toString()).toList());
    assertThat(stores.webhooks().attempts(deliveries.getFirst().id()))
        .as("failed attempts are logged with their error")
        .anySatisfy(
            attempt -> assertThat(attempt.error()).startsWith("could not reach the receiver"));
    assertThat(stores.webhooks().endpoint("acme", endpoint.id()).orElseThrow().failingSince())
        .as("healthy again")
        .isNull();
  }

  @Test
  void aDisabledEndpointsPendingDeliveriesWaitAndGoOutWhenItIsEnabledAgain() throws Exception {
    WebhookEndpoint endpoint =
        stores.webhooks().createEndpoint("acme", healthy.url("/paused"), "ops", List.of());
    healthy.down();
    Job job = endJob(null, "acme");
    await("a first attempt fails")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> stores.webhooks().deliveriesOfJob("acme", job.id()).getFirst().attempts() >= 1);
    try (var connection = dataSource.getConnection();
        var disable =
            connection.prepareStatement(
                "UPDATE webhook_endpoints SET enabled = false, disabled_reason = 'by hand'"
                    + " WHERE id = ?")) {
      disable.setObject(1, endpoint.id());
      disable.executeUpdate();
    }
    // an attempt claimed just before the endpoint was disabled ends (the receiver is down)
    Thread.sleep(1_000);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stores
                    .webhooks()
                    .deliveriesOfJob("acme", job.id())
                    .getFirst()
                    .status()
                    .equals("pending"));
    int attemptsWhenDisabled =
        stores.webhooks().deliveriesOfJob("acme", job.id()).getFirst().attempts();
    healthy.up();

    // the schedule retries every 300 ms: a few seconds is many retries a disabled endpoint skips
    Thread.sleep(2_000);
    WebhookDelivery waiting = stores.webhooks().deliveriesOfJob("acme", job.id()).getFirst();
    assertThat(waiting.status()).isEqualTo("pending");
    assertThat(waiting.attempts()).isEqualTo(attemptsWhenDisabled);
    assertThat(healthy.received()).isEmpty();

    stores.webhooks().enableEndpoint("acme", endpoint.id());
    await("sent once enabled")
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                stores
                    .webhooks()
                    .deliveriesOfJob("acme", job.id())
                    .getFirst()
                    .status()
                    .equals("delivered"));
    assertThat(healthy.received()).extracting(ReceivedWebhook::id).containsExactly(waiting.id());
  }

  @Test
  void aHangingReceiverDoesNotDelayAHealthyOne() {
    try (WebhookReceiver hanging = WebhookReceiver.start()) {
      hanging.answerWith(request -> Answer.ok().withDelay(Duration.ofSeconds(30)));
      for (int i = 0; i < 10; i++) {
        endJob(hanging.url("/slow"), "acme");
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> !hanging.received().isEmpty());

      // another host name for the healthy receiver: hosts are limited one by one
      Job fast = endJob("http://localhost:" + healthy.port() + "/fast", "acme");
      await("the healthy receiver gets its webhook while the other hangs")
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  healthy.received().stream()
                      .anyMatch(w -> w.body().contains(fast.id().toString())));
      assertThat(hanging.maxConcurrent())
          .as("the hanging host holds only its share")
          .isLessThanOrEqualTo(4);
    }
  }

  @Test
  void gone410DisablesTheEndpointAndRetryAfterIsHonored() {
    WebhookEndpoint gone =
        stores.webhooks().createEndpoint("acme", healthy.url("/gone"), null, List.of());
    healthy.answerWith(
        request -> request.path().equals("/gone") ? Answer.status(410) : Answer.ok());
    endJob(null, "acme");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !stores.webhooks().endpoint("acme", gone.id()).orElseThrow().enabled());
    WebhookEndpoint disabled = stores.webhooks().endpoint("acme", gone.id()).orElseThrow();
    assertThat(disabled.disabledReason()).contains("410");
    assertThat(stores.webhooks().deliveriesOfEndpoint("acme", gone.id(), 10).getFirst().status())
        .isEqualTo("failed");

    healthy.answerWith(request -> Answer.status(429).withHeader("Retry-After", "120"));
    Job later = endJob(healthy.url("/busy"), "acme");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> stores.webhooks().deliveriesOfJob("acme", later.id()).getFirst().attempts() == 1);
    WebhookDelivery waiting = stores.webhooks().deliveriesOfJob("acme", later.id()).getFirst();
    assertThat(waiting.status()).isEqualTo("pending");
    assertThat(waiting.nextAttemptAt()).isAfter(java.time.Instant.now().plusSeconds(100));
    assertThat(waiting.lastStatus()).isEqualTo(429);
  }

  @Test
  void aRotatedEndpointSendsBothSignaturesAndEachVerifies() throws Exception {
    WebhookEndpoint endpoint =
        stores.webhooks().createEndpoint("acme", healthy.url("/rotated"), null, List.of());
    WebhookEndpoint rotated =
        stores.webhooks().rotateSecret("acme", endpoint.id(), Duration.ofHours(24)).orElseThrow();
    endJob(null, "acme");

    await().atMost(Duration.ofSeconds(20)).until(() -> healthy.received().size() == 1);
    ReceivedWebhook webhook = healthy.received().getFirst();
    assertThat(webhook.signature().split(" ")).hasSize(2);
    for (var secret : rotated.secrets()) {
      assertThat(webhook.signature()).contains("v1," + opensslSignature(secret.value(), webhook));
    }
  }

  @Test
  void aUrlThatResolvesToAPrivateAddressIsRefusedOnEveryAttempt() {
    dispatcher.close();
    dispatcher = dispatcher(new WebhookUrlPolicy(true, List.of()));
    Job job = endJob(healthy.url("/internal"), "acme");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                stores
                    .webhooks()
                    .deliveriesOfJob("acme", job.id())
                    .getFirst()
                    .status()
                    .equals("failed"));
    assertThat(stores.webhooks().deliveriesOfJob("acme", job.id()).getFirst().lastError())
        .contains("refused", "127.0.0.1", "not a public address");
    assertThat(healthy.received()).isEmpty();
  }

  @Test
  void onlyEndpointsThatAskForProgressGetIt() {
    WebhookEndpoint progress =
        stores
            .webhooks()
            .createEndpoint("acme", healthy.url("/progress"), null, List.of("job.progress"));
    stores
        .webhooks()
        .createEndpoint("globex", healthy.url("/other-tenant"), null, List.of("job.progress"));
    NewJob job = aDigestJob().forTenant("acme").build();
    stores.jobs().submit(job);
    stores.jobs().claim(List.of(job.id()), "w", Duration.ofMinutes(1));
    Job claimed = stores.jobs().find(job.id()).orElseThrow();
    stores
        .jobs()
        .recordStep(
            claimed.id(),
            1,
            dev.agentq.store.Checkpoint.step(
                0,
                "classify",
                1,
                Json.object(),
                null,
                dev.agentq.schemas.Usage.NONE,
                java.time.Instant.now(),
                java.time.Instant.now()));

    await().atMost(Duration.ofSeconds(20)).until(() -> healthy.received().size() == 1);
    var body = Json.parse(healthy.received().getFirst().body());
    assertThat(healthy.received().getFirst().path()).isEqualTo("/progress");
    assertThat(body.path("type").asString()).isEqualTo("job.progress");
    assertThat(body.at("/data/step").asString()).isEqualTo("classify");
    assertThat(JsonSchemas.get().violations("webhook-event", body)).isEmpty();
    assertThat(stores.webhooks().deliveriesOfEndpoint("acme", progress.id(), 10)).hasSize(1);
  }
}
