package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The default body limit of 1 MiB: up to it a job is accepted, past it 413. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class BodySizeIT {
  private static final int ONE_MIB = 1024 * 1024;

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
  void aBodyOfExactlyTheLimitIsAccepted() {
    api.post("/v1/jobs", "application/json", validBodyOf(ONE_MIB)).conforming(202, "job-accepted");
  }

  @Test
  void aBodyOneByteOverTheLimitIsTooLarge() {
    JsonNode problem =
        api.post("/v1/jobs", "application/json", validBodyOf(ONE_MIB + 1))
            .problem(413, "payload_too_large");

    assertThat(problem.path("detail").asString()).contains(String.valueOf(ONE_MIB));
  }

  @Test
  void aChunkedBodyWithoutLengthIsCountedAsItArrives() {
    byte[] body = validBodyOf(ONE_MIB + 1);

    api.send(
            "POST",
            "/v1/jobs",
            "application/json",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .problem(413, "payload_too_large");
  }

  @Test
  void aJsonContentTypeWithACharsetIsAccepted() {
    api.post(
            "/v1/jobs",
            "application/json; charset=utf-8",
            Requests.digest("ünïcödé ✓").getBytes(StandardCharsets.UTF_8))
        .conforming(202, "job-accepted");
  }

  /** A valid submission padded with trailing whitespace to exactly {@code size} bytes. */
  static byte[] validBodyOf(int size) {
    byte[] json = Requests.digest("a document").getBytes(StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOf(json, size);
    Arrays.fill(body, json.length, size, (byte) ' ');
    return body;
  }
}
