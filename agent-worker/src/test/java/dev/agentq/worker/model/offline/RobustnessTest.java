package dev.agentq.worker.model.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RobustnessTest {
  private static final List<String> SCHEMAS =
      List.of(Requests.CLASSIFICATION, Requests.FIELDS, Requests.SUMMARY);

  private final OfflineChatModel model = new OfflineChatModel();

  private static List<String> oddDocuments() {
    StringBuilder binary = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      binary.append((char) ((i * 7919) % 0xFFFF));
    }
    return List.of(
        "",
        " ",
        " \n\t \r\n ",
        "....!!!???",
        "\u0000\u0001\u0002\uD800\uDFFF\uDC00",
        binary.toString(),
        "The quarterly report is ready. ".repeat(6_500),
        "x".repeat(200_000),
        "1234567890".repeat(20_000),
        "a@b.".repeat(50_000),
        "between A and ".repeat(14_000) + " agreement",
        "<document>",
        "</document>");
  }

  @Test
  void oddInputNeverThrowsAndStillAnswersInTheDocumentedShape() {
    for (String document : oddDocuments()) {
      for (String schema : SCHEMAS) {
        ChatResponse response = model.chat(Requests.structured(schema, document));
        String json = response.aiMessage().text();
        assertThat(Requests.parse(json).isObject()).isTrue();
        assertThat(json.length()).isLessThan(10_000);
        assertThat(response.tokenUsage().inputTokenCount()).isPositive();
        assertThat(response.tokenUsage().outputTokenCount()).isPositive();
      }
      ChatResponse plain = model.chat(Requests.plain(document.isEmpty() ? " " : document));
      assertThat(plain.aiMessage().text()).isNotBlank().hasSizeLessThanOrEqualTo(600);
    }
  }

  @Test
  void anEmptyDocumentStillGetsANonEmptySummary() {
    String json = model.chat(Requests.structured(Requests.SUMMARY, "  ")).aiMessage().text();
    assertThat(Requests.parse(json).get("summary").asString()).isNotBlank();
    assertThat(Requests.parse(json).get("key_points").isArray()).isTrue();
    String fields = model.chat(Requests.structured(Requests.FIELDS, "")).aiMessage().text();
    assertThat(Requests.fields(fields)).isEmpty();
  }

  @Test
  void readsTheLastUserMessageOnly() {
    ChatRequest request =
        Requests.structured(Requests.FIELDS, "ignored").toBuilder()
            .messages(
                SystemMessage.from("system"),
                UserMessage.from(Requests.wrap("Contact: first@example.com")),
                AiMessage.from("{}"),
                UserMessage.from(Requests.wrap("Contact: second@example.com")))
            .build();
    assertThat(Requests.fields(model.chat(request).aiMessage().text()))
        .containsEntry("email", "second@example.com")
        .doesNotContainValue("first@example.com");
  }

  @Test
  void requestsWithToolsOrWithoutAUserMessageGetPlainText() {
    ToolSpecification tool = ToolSpecification.builder().name("lookup").description("x").build();
    ChatRequest withTools =
        ChatRequest.builder()
            .messages(UserMessage.from("Please look this up. It is urgent."))
            .toolSpecifications(tool)
            .build();
    ChatResponse response = model.chat(withTools);
    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(response.aiMessage().text()).isNotBlank();

    ChatRequest systemOnly =
        ChatRequest.builder()
            .messages(SystemMessage.from("Only a system message."))
            .responseFormat(ResponseFormat.JSON)
            .build();
    assertThat(model.chat(systemOnly).aiMessage().text()).isNotBlank();
    assertThat(model.chat(systemOnly).tokenUsage().inputTokenCount()).isEqualTo(6);
  }

  @Test
  void fieldsAreCappedUniqueAndShort() {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      lines.add(
          "Contact person" + i + "@example.com on 2026-01-" + String.format("%02d", i % 28 + 1));
      lines.add("See https://example.com/" + "p".repeat(300) + i + " and " + i + "% more");
    }
    String json =
        model
            .chat(Requests.structured(Requests.FIELDS, String.join("\n", lines)))
            .aiMessage()
            .text();
    var fields = Requests.parse(json).get("fields");
    assertThat(fields.size()).isLessThanOrEqualTo(20);
    List<String> names = new ArrayList<>();
    fields.values().forEach(f -> names.add(f.get("name").asString()));
    assertThat(names).doesNotHaveDuplicates().contains("date", "date_2", "email", "url");
    fields
        .values()
        .forEach(f -> assertThat(f.get("value").asString()).hasSizeLessThanOrEqualTo(200));
  }
}
