package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import dev.agentq.testkit.process.FreePort;
import java.util.UUID;
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
 * Kafka unreachable: submissions are still accepted and wait safely in the outbox, and {@code
 * /ready} says which dependency is down.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class KafkaDownIT {
  private static final TestDatabase DB = TestPostgres.newSchema();

  /** Nothing listens there: every Kafka client of the app gets connection refused. */
  private static final String CLOSED_PORT = "127.0.0.1:" + FreePort.pick();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB::jdbcUrl);
    registry.add("spring.kafka.bootstrap-servers", () -> CLOSED_PORT);
    registry.add("agentq.kafka.topic-prefix", TestKafka::newPrefix);
    Infra.authenticate(registry);
    // if a submit waited on the producer, it would wait this long and the request would time out
    registry.add("spring.kafka.producer.properties.max.block.ms", () -> "600000");
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void submitsAreAcceptedAndWaitInTheOutbox() {
    for (int i = 0; i < 3; i++) {
      JsonNode accepted =
          api.submit(Requests.digest("document " + i)).conforming(202, "job-accepted");
      UUID id = UUID.fromString(accepted.path("id").asString());

      JsonNode job = api.get(accepted.at("/links/self").asString()).conforming(200, "job");
      assertThat(job.path("status").asString()).isEqualTo("queued");
      assertThat(Infra.count(DB, "SELECT count(*) FROM jobs WHERE id = ?", id)).isEqualTo(1);
      assertThat(
              Infra.count(DB, "SELECT count(*) FROM outbox WHERE message_key = ?", id.toString()))
          .as("dispatch message of %s still pending", id)
          .isEqualTo(1);
    }
  }

  @Test
  void readyIsUnavailableAndNamesKafka() {
    JsonNode problem = api.get("/ready").problem(503, "not_ready");

    assertThat(problem.at("/checks/kafka").asString()).isNotEqualTo("up").isNotBlank();
    assertThat(problem.at("/checks/postgres").asString()).isEqualTo("up");
    assertThat(problem.path("detail").asString()).contains("kafka");
  }
}
