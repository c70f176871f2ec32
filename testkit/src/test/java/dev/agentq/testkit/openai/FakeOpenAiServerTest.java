package dev.agentq.testkit.openai;

import static dev.agentq.testkit.openai.OpenAiTestClient.chatBody;
import static dev.agentq.testkit.openai.OpenAiTestClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class FakeOpenAiServerTest {

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final OpenAiTestClient client = new OpenAiTestClient(server);

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void baseUrlPointsAtTheLoopbackPort() {
    assertThat(server.baseUrl()).isEqualTo("http://127.0.0.1:" + server.port() + "/v1");
  }

  @Test
  void answersAScriptedJsonReplyWithTheGivenUsage() throws Exception {
    server.enqueue(Reply.json("{\"answer\":42}").withUsage(120, 7));

    HttpResponse<String> response = client.chat(chatBody("What is the answer?"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode body = json(response);
    assertThat(body.path("id").asString()).isEqualTo("chatcmpl-1");
    assertThat(body.path("object").asString()).isEqualTo("chat.completion");
    assertThat(body.path("created").asLong()).isPositive();
    assertThat(body.path("model").asString()).isEqualTo("gpt-4o-mini");
    JsonNode choice = body.path("choices").path(0);
    assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
    assertThat(choice.path("message").path("content").asString()).isEqualTo("{\"answer\":42}");
    assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
    assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(120);
    assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(7);
    assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(127);
    assertThat(server.callCount()).isEqualTo(1);
    assertThat(server.lastRequest().lastUserMessage()).isEqualTo("What is the answer?");
  }

  @Test
  void estimatesUsageAndHonoursTheModelOverride() throws Exception {
    server.enqueue(Reply.text("12345").withModel("gpt-4o-2024-08-06"));

    JsonNode body = json(client.chat(chatBody("123456789"))); // 9 characters

    assertThat(body.path("model").asString()).isEqualTo("gpt-4o-2024-08-06");
    assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(3); // ceil(9 / 4)
    assertThat(body.path("usage").path("completion_tokens").asInt()).isEqualTo(2); // ceil(5 / 4)
    assertThat(Reply.json("[1, 2]")).isNotNull();
    assertThatThrownBy(() -> Reply.json("{not json")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answersToolCallsInTheOpenAiShape() throws Exception {
    server.enqueue(
        Reply.toolCall("get_weather", "{\"city\":\"Paris\"}"),
        Reply.toolCalls(
            java.util.List.of(
                new ToolCall("call_a", "search", "{\"q\":\"x\"}"),
                new ToolCall("call_b", "lookup", null))));

    JsonNode first = json(client.chat(chatBody("Weather in Paris?"))).path("choices").path(0);
    JsonNode second = json(client.chat(chatBody("Two tools"))).path("choices").path(0);

    assertThat(first.path("finish_reason").asString()).isEqualTo("tool_calls");
    assertThat(first.path("message").get("content").isNull()).isTrue();
    JsonNode call = first.path("message").path("tool_calls").path(0);
    assertThat(call.path("id").asString()).startsWith("call_").hasSize(29);
    assertThat(call.path("type").asString()).isEqualTo("function");
    assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
    assertThat(call.path("function").path("arguments").asString())
        .isEqualTo("{\"city\":\"Paris\"}");
    JsonNode calls = second.path("message").path("tool_calls");
    assertThat(calls.size()).isEqualTo(2);
    assertThat(calls.path(0).path("id").asString()).isEqualTo("call_a");
    assertThat(calls.path(1).path("function").path("name").asString()).isEqualTo("lookup");
    assertThat(calls.path(1).path("function").path("arguments").asString()).isEqualTo("{}");
  }

  @Test
  void usesTheResponderWhenTheQueueIsEmpty() throws Exception {
    server.enqueue(Reply.text("queued"));
    server.respondWith(request -> Reply.text("echo: " + request.lastUserMessage()));

    String first = content(client.chat(chatBody("one")));
    String second = content(client.chat(chatBody("two")));

    assertThat(first).isEqualTo("queued");
    assertThat(second).isEqualTo("echo: two");
    assertThat(server.requests())
        .extracting(RecordedRequest::lastUserMessage)
        .containsExactly("one", "two");
  }

  @Test
  void countsButKeepsNoRequestWhenNotRecording() throws Exception {
    server.recording(false).respondWith(request -> Reply.text("ok"));

    client.chat(chatBody("one"));
    client.chat(chatBody("two"));

    assertThat(server.callCount()).isEqualTo(2);
    assertThat(server.requests()).isEmpty();
  }

  @Test
  void recordsTheRequestAsReceived() throws Exception {
    server.enqueue(Reply.json("{}"));
    ObjectNode body = OpenAiTestClient.JSON.createObjectNode().put("model", "gpt-4o-mini");
    ArrayNode messages = body.put("stream", false).putArray("messages");
    messages.addObject().put("role", "developer").put("content", "Be brief");
    messages.addObject().put("role", "user").put("content", "Summarize");
    body.putArray("tools")
        .addObject()
        .put("type", "function")
        .putObject("function")
        .put("name", "f");
    ObjectNode format = body.putObject("response_format").put("type", "json_schema");
    format.putObject("json_schema").put("name", "Summary").put("strict", true);

    client.chat(body);

    RecordedRequest request = server.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v1/chat/completions");
    assertThat(request.headers()).containsEntry("authorization", "Bearer test-key");
    assertThat(request.header("Content-Type")).isEqualTo("application/json");
    assertThat(request.model()).isEqualTo("gpt-4o-mini");
    assertThat(request.systemMessage()).isEqualTo("Be brief");
    assertThat(request.lastUserMessage()).isEqualTo("Summarize");
    assertThat(request.toolNames()).containsExactly("f");
    assertThat(request.responseFormatType()).isEqualTo("json_schema");
    assertThat(request.responseSchemaName()).isEqualTo("Summary");
    assertThat(request.stream()).isFalse();
    assertThat(request.body()).isEqualTo(body);
  }

  private static String content(HttpResponse<String> response) {
    return json(response).path("choices").path(0).path("message").path("content").asString();
  }
}
