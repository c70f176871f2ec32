package dev.agentq.testkit.openai;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A plain {@link HttpClient} speaking to a {@link FakeOpenAiServer}, as an OpenAI client would. */
final class OpenAiTestClient implements AutoCloseable {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final FakeOpenAiServer server;

  OpenAiTestClient(FakeOpenAiServer server) {
    this.server = server;
  }

  /** A minimal chat request body: model {@code gpt-4o-mini}, one user message. */
  static ObjectNode chatBody(String userMessage) {
    ObjectNode body = JSON.createObjectNode().put("model", "gpt-4o-mini");
    body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
    return body;
  }

  HttpResponse<String> chat(ObjectNode body) throws IOException, InterruptedException {
    return http.send(
        authorized(post("/chat/completions", body.toString())), BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> chatAsync(ObjectNode body) {
    return http.sendAsync(
        authorized(post("/chat/completions", body.toString())), BodyHandlers.ofString());
  }

  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), BodyHandlers.ofString());
  }

  HttpRequest.Builder post(String path, String body) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString(body));
  }

  HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET();
  }

  static HttpRequest authorized(HttpRequest.Builder request) {
    return request.header("Authorization", "Bearer test-key").build();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    http.close();
  }
}
