package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiInstance;
import dev.agentq.api.support.FakeWorker;
import dev.agentq.api.support.Requests;
import dev.agentq.api.support.SseClient;
import dev.agentq.store.Job;
import dev.agentq.testkit.db.TestDatabase;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two API instances on one database, as behind a load balancer: a job submitted to one streams live
 * from the other, idempotency holds across both, and so do rate limits.
 */
class SeveralInstancesIT {
  private static final TestDatabase DB = TestPostgres.newSchema();
  private static ApiInstance first;
  private static ApiInstance second;
  private static FakeWorker worker;

  @BeforeAll
  static void start() {
    String prefix = TestKafka.newPrefix();
    first = ApiInstance.start(DB, prefix);
    second = ApiInstance.start(DB, prefix);
    worker = new FakeWorker(DB);
  }

  @AfterAll
  static void stop() {
    worker.close();
    second.close();
    first.close();
  }

  @Test
  void aJobSubmittedToOneInstanceStreamsLiveFromTheOther() {
    String id =
        first
            .client()
            .submit(Requests.digest("across"))
            .conforming(202, "job-accepted")
            .path("id")
            .asString();

    try (SseClient fromSecond =
            SseClient.open(second.client(), "/v1/jobs/" + id + "/events", null);
        SseClient fromFirst = SseClient.open(first.client(), "/v1/jobs/" + id + "/events", null)) {
      assertThat(fromSecond.next().name()).isEqualTo("job.queued");
      assertThat(fromFirst.next().name()).isEqualTo("job.queued");

      Job job = worker.claim(id);
      assertThat(fromSecond.next().name()).isEqualTo("job.started");
      worker.step(job, 0, "classify", 1, 1);
      assertThat(fromSecond.next().name()).isEqualTo("step.completed");
      worker.succeed(job);

      assertThat(fromSecond.untilEnd())
          .extracting(SseClient.Event::name)
          .containsExactly("job.succeeded");
      assertThat(fromFirst.untilEnd())
          .extracting(SseClient.Event::name)
          .containsExactly("job.started", "step.completed", "job.succeeded");
    }
  }

  @Test
  void anIdempotentRetryOnTheOtherInstanceGetsTheSameJob() {
    ApiClient one = first.client();
    ApiClient two = second.client();

    String id =
        one.postJson("/v1/jobs", Requests.digest("lb"), "Idempotency-Key", "across-instances")
            .conforming(202, "job-accepted")
            .path("id")
            .asString();

    assertThat(
            two.postJson("/v1/jobs", Requests.digest("lb"), "Idempotency-Key", "across-instances")
                .conforming(200, "job-accepted")
                .path("id")
                .asString())
        .isEqualTo(id);
  }

  @Test
  void aKeysBucketIsSharedByBothInstances() {
    ApiClient admin = first.client().admin();
    admin
        .postJson(
            "/v1/admin/tenants",
            "{\"id\":\"shared\",\"limits\":{\"requests_per_second\":0.001,\"burst\":4}}")
        .conforming(201, "tenant");
    String key = dev.agentq.api.support.Tenants.newKey(first.client(), "shared");

    for (int i = 0; i < 2; i++) {
      assertThat(first.client().as(key).get("/v1/agents").status()).isEqualTo(200);
      assertThat(second.client().as(key).get("/v1/agents").status()).isEqualTo(200);
    }
    first.client().as(key).get("/v1/agents").problem(429, "rate_limited");
    second.client().as(key).get("/v1/agents").problem(429, "rate_limited");
  }
}
