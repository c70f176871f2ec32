package dev.agentq.testkit.openai;

import static dev.agentq.testkit.openai.OpenAiTestClient.JSON;
import static dev.agentq.testkit.openai.OpenAiTestClient.chatBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class FakeOpenAiServerStreamingTest {

  private final FakeOpenAiServer server = FakeOpenAiServer.start();
  private final OpenAiTestClient client = new OpenAiTestClient(server);

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void streamsContentInChunksThenTheFinishReasonThenUsageThenDone() throws Exception {
    String text = "The quick brown fox jumps over the lazy dog";
    server.enqueue(Reply.text(text).withUsage(11, 9));
    ObjectNode body = chatBody("Tell me something").put("stream", true);
    body.putObject("stream_options").put("include_usage", true);

    HttpResponse<String> response = client.chat(body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<JsonNode> chunks = chunks(response);
    assertThat(chunks)
        .allSatisfy(
            chunk -> {
              assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk");
              assertThat(chunk.path("id").asString()).isEqualTo("chatcmpl-1");
            });
    List<String> pieces =
        chunks.stream()
            .map(c -> c.path("choices").path(0).path("delta"))
            .filter(delta -> delta.path("content").isString())
            .map(delta -> delta.path("content").stringValue())
            .toList();
    assertThat(pieces).hasSizeGreaterThan(5);
    assertThat(String.join("", pieces)).isEqualTo(text);
    JsonNode finish = chunks.get(chunks.size() - 2).path("choices").path(0);
    assertThat(finish.path("finish_reason").asString()).isEqualTo("stop");
    JsonNode usage = chunks.getLast();
    assertThat(usage.path("choices").isEmpty()).isTrue();
    assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(11);
    assertThat(usage.path("usage").path("total_tokens").asInt()).isEqualTo(20);
    assertThat(server.lastRequest().stream()).isTrue();
  }

  @Test
  void streamsToolCallsAsNameFirstThenArgumentFragments() throws Exception {
    server.enqueue(
        Reply.toolCalls(
            List.of(
                new ToolCall(
                    "call_1", "get_weather", "{\"city\": \"Paris\", \"unit\": \"celsius\"}"),
                new ToolCall(null, "get_time", "{\"zone\": \"Europe/Paris\"}"))));

    List<JsonNode> chunks = chunks(client.chat(chatBody("Weather?").put("stream", true)));

    Map<Integer, StringBuilder> arguments = new TreeMap<>();
    Map<Integer, String> names = new TreeMap<>();
    for (JsonNode chunk : chunks) {
      for (JsonNode call : chunk.path("choices").path(0).path("delta").path("tool_calls")) {
        int index = call.path("index").asInt();
        if (call.has("id")) {
          assertThat(call.path("type").asString()).isEqualTo("function");
          assertThat(call.path("function").path("arguments").asString()).isEmpty();
          names.put(
              index,
              call.path("id").asString() + " " + call.path("function").path("name").asString());
        }
        arguments
            .computeIfAbsent(index, i -> new StringBuilder())
            .append(call.path("function").path("arguments").asString());
      }
    }
    assertThat(names).containsEntry(0, "call_1 get_weather").hasSize(2);
    assertThat(names.get(1)).startsWith("call_").endsWith(" get_time");
    assertThat(arguments.get(0)).hasToString("{\"city\": \"Paris\", \"unit\": \"celsius\"}");
    assertThat(arguments.get(1)).hasToString("{\"zone\": \"Europe/Paris\"}");
    assertThat(chunks.getLast().path("choices").path(0).path("finish_reason").asString())
        .isEqualTo("tool_calls");
    assertThat(chunks).noneMatch(chunk -> chunk.has("usage"));
  }

  @Test
  void splitsTextIntoPiecesThatJoinBackExactly() {
    String text = "Short words, then supercalifragilisticexpialidocious and \uD83D\uDE00".repeat(3);

    List<String> pieces = SseWriter.pieces(text);

    assertThat(String.join("", pieces)).isEqualTo(text);
    assertThat(pieces).allSatisfy(piece -> assertThat(piece.length()).isBetween(1, 16));
    assertThat(pieces)
        .noneMatch(piece -> Character.isHighSurrogate(piece.charAt(piece.length() - 1)));
  }

  /** The JSON chunks of an SSE body, after checking that it ends with {@code data: [DONE]}. */
  private static List<JsonNode> chunks(HttpResponse<String> response) {
    List<String> data =
        Arrays.stream(response.body().split("\n\n"))
            .filter(event -> !event.isBlank())
            .peek(event -> assertThat(event).startsWith("data: "))
            .map(event -> event.substring("data: ".length()))
            .collect(Collectors.toList());
    assertThat(data.getLast()).isEqualTo("[DONE]");
    return data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
  }
}
