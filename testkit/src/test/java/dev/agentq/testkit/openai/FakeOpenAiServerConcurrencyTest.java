package dev.agentq.testkit.openai;

import static dev.agentq.testkit.openai.OpenAiTestClient.chatBody;
import static dev.agentq.testkit.openai.OpenAiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeOpenAiServerConcurrencyTest {

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final OpenAiTestClient client = new OpenAiTestClient(server);

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void countsAndAnswersConcurrentRequestsEachWithItsOwnReply() {
    int n = 50;
    IntStream.range(0, n).forEach(i -> server.enqueue(Reply.text("reply " + i)));

    List<CompletableFuture<HttpResponse<String>>> futures =
        IntStream.range(0, n).mapToObj(i -> client.chatAsync(chatBody("request " + i))).toList();
    List<HttpResponse<String>> responses = futures.stream().map(CompletableFuture::join).toList();

    assertThat(responses).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    assertThat(responses)
        .extracting(r -> json(r).path("choices").path(0).path("message").path("content").asString())
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, n).mapToObj(i -> "reply " + i).toList());
    assertThat(responses).extracting(r -> json(r).path("id").asString()).doesNotHaveDuplicates();
    assertThat(server.callCount()).isEqualTo(n);
    assertThat(server.requests()).hasSize(n);
    assertThat(server.requests())
        .extracting(RecordedRequest::lastUserMessage)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.range(0, n).mapToObj(i -> "request " + i).toList());
  }

  @Test
  void delayedRepliesDoNotHoldUpOtherRequests() {
    int slow = 200;
    server.respondWith(
        request ->
            request.lastUserMessage().equals("slow")
                ? Reply.text("late").withDelay(Duration.ofHours(1))
                : Reply.text("fast"));
    List<CompletableFuture<HttpResponse<String>>> pending =
        IntStream.range(0, slow).mapToObj(i -> client.chatAsync(chatBody("slow"))).toList();
    await().until(() -> server.callCount() == slow);

    HttpResponse<String> fast = client.chatAsync(chatBody("quick")).join();

    assertThat(json(fast).path("choices").path(0).path("message").path("content").asString())
        .isEqualTo("fast");
    assertThat(pending).noneMatch(CompletableFuture::isDone);
    server.close(); // aborts the delayed requests
    assertThat(pending)
        .allSatisfy(
            future -> assertThatThrownBy(future::join).hasRootCauseInstanceOf(IOException.class));
  }
}
