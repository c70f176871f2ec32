package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** {@code agentq.api.max-body-bytes} sets the limit. */
@SpringBootTest(
    classes = ApiApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "agentq.api.max-body-bytes=" + SmallBodyLimitIT.LIMIT)
@DirtiesContext
class SmallBodyLimitIT {
  static final int LIMIT = 200;

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, TestPostgres.newSchema(), TestKafka.newPrefix());
  }

  @LocalServerPort int port;
  private ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
  }

  @Test
  void aBodyAtTheConfiguredLimitIsAccepted() {
    api.post("/v1/jobs", "application/json", BodySizeIT.validBodyOf(LIMIT))
        .conforming(202, "job-accepted");
  }

  @Test
  void aBodyOverTheConfiguredLimitIsTooLargeAndTheLimitIsNamed() {
    JsonNode problem =
        api.post("/v1/jobs", "application/json", BodySizeIT.validBodyOf(LIMIT + 1))
            .problem(413, "payload_too_large");

    assertThat(problem.path("detail").asString()).contains(LIMIT + " bytes");
  }
}
