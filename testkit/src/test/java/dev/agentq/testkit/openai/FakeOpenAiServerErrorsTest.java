package dev.agentq.testkit.openai;

import static dev.agentq.testkit.openai.OpenAiTestClient.chatBody;
import static dev.agentq.testkit.openai.OpenAiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class FakeOpenAiServerErrorsTest {

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final OpenAiTestClient client = new OpenAiTestClient(server);

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void answersAnErrorReplyWithItsHeaders() throws Exception {
    server.enqueue(
        Reply.error(429, "rate_limit_exceeded", "Rate limit reached")
            .withHeader("Retry-After", "3"));

    HttpResponse<String> response = client.chat(chatBody("hi"));

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode error = json(response).path("error");
    assertThat(error.path("message").asString()).isEqualTo("Rate limit reached");
    assertThat(error.path("type").asString()).isEqualTo("rate_limit_exceeded");
    assertThat(error.path("code").asString()).isEqualTo("rate_limit_exceeded");
    assertThat(error.get("param").isNull()).isTrue();
    assertThat(server.callCount()).isEqualTo(1);
  }

  @Test
  void rejectsARequestWithoutBearerAuthorizationWithoutConsumingAReply() throws Exception {
    server.enqueue(Reply.text("kept for the next request"));

    HttpResponse<String> response =
        client.send(client.post("/chat/completions", chatBody("hi").toString()));

    assertThat(response.statusCode()).isEqualTo(401);
    JsonNode error = json(response).path("error");
    assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.path("code").asString()).isEqualTo("invalid_api_key");
    assertThat(server.callCount()).isEqualTo(1);
    assertThat(server.lastRequest().header("Authorization")).isNull();
    JsonNode next = json(client.chat(chatBody("hi")));
    assertThat(next.path("choices").path(0).path("message").path("content").asString())
        .isEqualTo("kept for the next request");
  }

  @Test
  void answersUnknownPathsWith404() throws Exception {
    HttpResponse<String> response =
        client.send(client.post("/completions", "{}").header("Authorization", "Bearer k"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(json(response).path("error").path("message").asString())
        .contains("POST /v1/completions");
    assertThat(server.callCount()).isZero();
  }

  @Test
  void answersMalformedJsonWith400() throws Exception {
    HttpResponse<String> response =
        client.send(client.post("/chat/completions", "{oops").header("Authorization", "Bearer k"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).path("error").path("type").asString())
        .isEqualTo("invalid_request_error");
    assertThat(server.callCount()).isEqualTo(1);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void listsModelsForAuthorizedClients() throws Exception {
    HttpResponse<String> models =
        client.send(client.get("/models").header("Authorization", "Bearer k"));

    assertThat(models.statusCode()).isEqualTo(200);
    assertThat(json(models).path("object").asString()).isEqualTo("list");
    assertThat(json(models).path("data").path(0).path("object").asString()).isEqualTo("model");
    assertThat(client.send(client.get("/models")).statusCode()).isEqualTo(401);
  }

  @Test
  void failsLoudlyWithoutAScriptedReply() throws Exception {
    server.enqueue(Reply.text("only one"));
    client.chat(chatBody("first"));

    HttpResponse<String> response = client.chat(chatBody("second"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).path("error").path("message").asString())
        .isEqualTo("FakeOpenAiServer: no scripted reply for request #2");
    assertThat(server.callCount()).isEqualTo(2);
  }

  @Test
  void answers500WhenTheResponderThrows() throws Exception {
    server.respondWith(
        request -> {
          throw new IllegalStateException("broken responder");
        });

    HttpResponse<String> response = client.chat(chatBody("hi"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(json(response).path("error").path("message").asString())
        .contains("broken responder");
  }

  @Test
  void dropsTheConnectionWithoutAResponse() {
    server.enqueue(Reply.dropConnection());

    assertThatThrownBy(() -> client.chat(chatBody("hi"))).isInstanceOf(IOException.class);
    assertThat(server.callCount()).isEqualTo(1);
  }

  @Test
  void resetForgetsEverything() throws Exception {
    server.enqueue(Reply.text("consumed"), Reply.text("still queued"));
    server.respondWith(request -> Reply.text("responder"));
    client.chat(chatBody("hi"));

    server.reset();

    assertThat(server.callCount()).isZero();
    assertThat(server.requests()).isEmpty();
    assertThatThrownBy(server::lastRequest).isInstanceOf(IllegalStateException.class);
    assertThat(client.chat(chatBody("hi")).statusCode()).isEqualTo(500);
  }
}
