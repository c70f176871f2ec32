package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.DispatchProbe;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An accepted job reaches its lane's Kafka topic through the outbox, without its input. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class JobDispatchIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final String PREFIX = TestKafka.newPrefix();
  private static final String DOCUMENT = "Confidential memo: the merger closes on Friday.";

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, PREFIX);
  }

  @LocalServerPort int port;
  private ApiClient api;
  private DispatchProbe probe;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    probe = new DispatchProbe(TestKafka.bootstrapServers(), PREFIX + "jobs.interactive");
  }

  @AfterEach
  void tearDown() {
    probe.close();
  }

  @Test
  void theDispatchMessageIsKeyedByJobIdAndCarriesNoInput() {
    String id =
        api.submit(Requests.digest(DOCUMENT)).conforming(202, "job-accepted").path("id").asString();

    List<byte[]> values = probe.awaitKeys(List.of(id)).get(id);

    assertThat(values).isNotEmpty();
    for (byte[] value : values) {
      DispatchMessage message = DispatchMessage.decode(value);
      assertThat(message.jobId()).isEqualTo(UUID.fromString(id));
      assertThat(message.agent()).isEqualTo("document-digest");
      assertThat(message.lane()).isEqualTo(Lane.INTERACTIVE);
      assertThat(message.tenant()).isNotBlank();
      assertThat(Json.parse(value).has("input")).isFalse();
      assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain("merger");
    }
  }

  @Test
  void theOutboxEndsEmptyOncePublished() {
    String id =
        api.submit(Requests.digest(DOCUMENT)).conforming(202, "job-accepted").path("id").asString();
    probe.awaitKeys(List.of(id));

    await("outbox drained")
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(() -> assertThat(Infra.count(DB, "SELECT count(*) FROM outbox")).isZero());
    assertThat(Infra.count(DB, "SELECT count(*) FROM jobs WHERE id = ?", UUID.fromString(id)))
        .isEqualTo(1);
  }
}
