package dev.agentq.worker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.testkit.openai.FakeOpenAiServer;
import dev.agentq.testkit.openai.Reply;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries of transient model errors, over real HTTP, with a sleeper that only records. */
class RetryingModelGatewayIT {
  private static final RetryPolicy POLICY =
      new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(20), 4);
  private static final ChatRequest HELLO =
      ChatRequest.builder().messages(UserMessage.from("hello")).build();

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  private final ModelGateway gateway =
      new RetryingModelGateway(
          new ChatModelGateway(
              OpenAiChatModel.builder()
                  .httpClientBuilder(new ProviderHttpClientBuilder(Clock.systemUTC()))
                  .baseUrl(server.baseUrl())
                  .apiKey("test-key")
                  .modelName("gpt-test")
                  .maxRetries(0)
                  .build(),
              "gpt-test",
              true),
          POLICY,
          Clock.systemUTC(),
          waits::add,
          new Random(7));

  @AfterEach
  void stop() {
    server.close();
  }

  private static Instant inAMinute() {
    return Instant.now().plusSeconds(60);
  }

  @Test
  void aRateLimitIsRetriedAfterTheWaitItAskedFor() {
    server.enqueue(
        Reply.error(429, "rate_limit_exceeded", "slow down").withHeader("Retry-After", "3"),
        Reply.text("hi"));

    assertThat(gateway.chat(HELLO, inAMinute()).aiMessage().text()).isEqualTo("hi");
    assertThat(waits).containsExactly(Duration.ofSeconds(3));
    assertThat(server.callCount()).isEqualTo(2);
  }

  @Test
  void serverErrorsAreRetriedWithGrowingJitteredBackoff() {
    server.enqueue(
        Reply.error(503, "server_error", "overloaded"),
        Reply.error(500, "server_error", "oops"),
        Reply.error(502, "server_error", "bad gateway"),
        Reply.text("hi"));

    assertThat(gateway.chat(HELLO, inAMinute()).aiMessage().text()).isEqualTo("hi");
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
  }

  @Test
  void aDroppedConnectionIsRetried() {
    server.enqueue(Reply.dropConnection(), Reply.text("hi"));

    assertThat(gateway.chat(HELLO, inAMinute()).aiMessage().text()).isEqualTo("hi");
    assertThat(waits).hasSize(1);
  }

  @Test
  void aRequestTheProviderRejectsIsNotRetried() {
    server.enqueue(Reply.error(400, "invalid_request_error", "bad schema"));

    assertThatThrownBy(() -> gateway.chat(HELLO, inAMinute()))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> {
              assertThat(e.code()).isEqualTo("model_rejected_request");
              assertThat(e.retryable()).isFalse();
              assertThat(e.getMessage()).isEqualTo("bad schema");
            });
    assertThat(server.callCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aWaitBeyondTheDeadlineEndsTheCallAtOnceButStaysRetryable() {
    server.enqueue(
        Reply.error(429, "rate_limit_exceeded", "slow down").withHeader("Retry-After", "120"));

    assertThatThrownBy(() -> gateway.chat(HELLO, Instant.now().plusSeconds(10)))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> {
              assertThat(e.code()).isEqualTo("model_rate_limited");
              assertThat(e.retryable()).isTrue();
              assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120));
            });
    assertThat(server.callCount()).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void retriesStopAfterTheirBudget() {
    for (int i = 0; i < 10; i++) {
      server.enqueue(Reply.error(503, "server_error", "down"));
    }

    assertThatThrownBy(() -> gateway.chat(HELLO, inAMinute()))
        .isInstanceOfSatisfying(
            ModelException.class, e -> assertThat(e.code()).isEqualTo("model_unavailable"));
    assertThat(server.callCount()).isEqualTo(1 + POLICY.maxRetries());
  }
}
