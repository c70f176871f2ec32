package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.DispatchProbe;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.schemas.DispatchMessage;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Many clients at once: each gets its own job, and every job is dispatched. */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ConcurrentSubmitIT {
  private static final int CLIENTS = 50;
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static final String PREFIX = TestKafka.newPrefix();

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, DB, PREFIX);
  }

  @LocalServerPort int port;

  @Test
  void fiftyConcurrentSubmitsAreAllAcceptedAndAllDispatched() {
    ApiClient api = new ApiClient(port);
    try (DispatchProbe probe =
            new DispatchProbe(TestKafka.bootstrapServers(), PREFIX + "jobs.interactive");
        ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ApiResponse>> sent =
          IntStream.range(0, CLIENTS)
              .mapToObj(i -> clients.submit(() -> api.submit(Requests.digest("document " + i))))
              .toList();
      List<String> ids =
          sent.stream()
              .map(ConcurrentSubmitIT::join)
              .map(response -> response.conforming(202, "job-accepted").path("id").asString())
              .toList();

      assertThat(ids).hasSize(CLIENTS).doesNotHaveDuplicates();
      assertThat(Infra.count(DB, "SELECT count(*) FROM jobs")).isEqualTo(CLIENTS);
      Map<String, List<byte[]>> dispatched = probe.awaitKeys(ids);
      for (String id : ids) {
        assertThat(dispatched.get(id))
            .isNotEmpty()
            .allSatisfy(
                value ->
                    assertThat(DispatchMessage.decode(value).jobId())
                        .isEqualTo(UUID.fromString(id)));
      }
    }
    await("outbox drained")
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(() -> assertThat(Infra.count(DB, "SELECT count(*) FROM outbox")).isZero());
  }

  private static ApiResponse join(Future<ApiResponse> response) {
    try {
      return response.get();
    } catch (ExecutionException e) {
      throw new AssertionError("a submit failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for a submit", e);
    }
  }
}
