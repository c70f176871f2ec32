package dev.agentq.testkit.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

class RecordedRequestTest {

  @Test
  void readsTextFromStringAndArrayContent() {
    ObjectNode body = OpenAiTestClient.JSON.createObjectNode();
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", "first system");
    messages.addObject().put("role", "system").put("content", "second system");
    messages.addObject().put("role", "user").put("content", "earlier question");
    messages.addObject().put("role", "assistant").put("content", "an answer");
    ArrayNode parts = messages.addObject().put("role", "user").putArray("content");
    parts.addObject().put("type", "text").put("text", "look at");
    parts.addObject().put("type", "image_url").putObject("image_url").put("url", "http://x/y.png");
    parts.addObject().put("type", "text").put("text", "this image");

    RecordedRequest request =
        new RecordedRequest("POST", "/v1/chat/completions", Map.of("x-a", "1"), body);

    assertThat(request.systemMessage()).isEqualTo("first system");
    assertThat(request.lastUserMessage()).isEqualTo("look at\nthis image");
    assertThat(request.header("X-A")).isEqualTo("1");
  }

  @Test
  void answersNullOrEmptyForMissingFields() {
    RecordedRequest request =
        new RecordedRequest("POST", "/p", Map.of(), OpenAiTestClient.JSON.createObjectNode());

    assertThat(request.model()).isNull();
    assertThat(request.lastUserMessage()).isNull();
    assertThat(request.systemMessage()).isNull();
    assertThat(request.responseSchemaName()).isNull();
    assertThat(request.responseFormatType()).isNull();
    assertThat(request.stream()).isFalse();
    assertThat(request.toolNames()).isEmpty();
  }
}
