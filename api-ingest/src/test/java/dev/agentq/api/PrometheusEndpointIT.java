package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What Prometheus and the Helm chart's alerts read from an API instance: request latency as a
 * histogram at {@code /actuator/prometheus}, and no other actuator endpoint.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PrometheusEndpointIT {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, TestPostgres.newSchema(), TestKafka.newPrefix());
  }

  @LocalServerPort int port;

  @Test
  void requestLatencyIsScrapedAsAHistogram() {
    ApiClient api = new ApiClient(port);
    assertThat(api.get("/health").status()).isEqualTo(200);

    ApiResponse scrape = api.get("/actuator/prometheus");

    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("http_server_requests_seconds_bucket{")
        .contains("uri=\"/health\"");
  }

  @Test
  void actuatorExposesOnlyHealthAndPrometheus() {
    ApiClient api = new ApiClient(port);

    assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(api.get("/actuator/env").status()).isEqualTo(404);
  }
}
