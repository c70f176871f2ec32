package dev.agentq.worker.model.offline;

import static dev.agentq.worker.model.offline.ToolRequests.call;
import static dev.agentq.worker.model.offline.ToolRequests.only;
import static dev.agentq.worker.model.offline.ToolRequests.question;
import static dev.agentq.worker.model.offline.ToolRequests.request;
import static dev.agentq.worker.model.offline.ToolRequests.researchTools;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.worker.agent.research.ResearchTools;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline model's tool calls for new questions. */
class ToolCallTest {
  private final OfflineChatModel model = new OfflineChatModel();
  private final ResearchTools tools = new ResearchTools(ToolRequests.DOCUMENTS);

  private static ToolExecutionRequest onlyCall(ChatResponse response) {
    assertThat(response.aiMessage().toolExecutionRequests()).hasSize(1);
    return response.aiMessage().toolExecutionRequests().getFirst();
  }

  @Test
  void aCalculationQuestionGetsOneCalculateCall() {
    ChatResponse response = model.chat(question("What is (1200 - 150) * 0.2?"));

    ToolExecutionRequest call = onlyCall(response);
    assertThat(call.name()).isEqualTo("calculate");
    assertThat(call.arguments()).isEqualTo("{\"expression\":\"(1200 - 150) * 0.2\"}");
    assertThat(call.id()).isEqualTo("call_1");
    assertThat(response.aiMessage().text()).isNull();
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
    assertThat(response.modelName()).isEqualTo(OfflineChatModel.MODEL_NAME);
    int outputChars = call.name().length() + call.arguments().length();
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo((outputChars + 3) / 4);
  }

  @Test
  void aPercentageOfANumberIsWrittenAsArithmetic() {
    ToolExecutionRequest call = onlyCall(model.chat(question("compute 17% of 250")));
    assertThat(call.arguments()).isEqualTo("{\"expression\":\"250 * 17 / 100\"}");
    assertThat(tools.calculate("250 * 17 / 100")).isEqualTo("42.5");
  }

  @Test
  void aDocumentQuestionGetsASearchCallWithItsContentWords() {
    ChatResponse response = model.chat(question("Who has to approve travel expenses?"));

    ToolExecutionRequest call = onlyCall(response);
    assertThat(call.name()).isEqualTo("search_documents");
    assertThat(call.arguments()).isEqualTo("{\"query\":\"approve travel expenses\"}");
    assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
  }

  @Test
  void withoutToolsTheReplyIsThePlainTextSummary() {
    String question = "What is (1200 - 150) * 0.2?";
    ChatResponse withoutTools = model.chat(request(List.of(), UserMessage.from(question)));
    ChatResponse plain = model.chat(Requests.plain(question));

    assertThat(withoutTools.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(withoutTools.aiMessage().text()).isEqualTo(plain.aiMessage().text());
    assertThat(withoutTools.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void onlyDeclaredToolsAreCalled() {
    ChatRequest arithmeticWithSearchOnly =
        request(only("search_documents"), UserMessage.from("What is 6 * 7?"));
    assertThat(onlyCall(model.chat(arithmeticWithSearchOnly)).name()).isEqualTo("search_documents");

    ChatRequest documentQuestionWithCalculatorOnly =
        request(only("calculate"), UserMessage.from("Who approves expenses?"));
    assertThat(
            model.chat(documentQuestionWithCalculatorOnly).aiMessage().hasToolExecutionRequests())
        .isFalse();

    ChatRequest readOnly = request(only("read_document"), UserMessage.from("What is 6 * 7?"));
    ChatResponse response = model.chat(readOnly);
    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(response.aiMessage().text()).isNotBlank();
  }

  @Test
  void callIdsAreCountedOverTheConversation() {
    ToolExecutionRequest first = call("call_1", "calculate", "{\"expression\":\"2 + 2\"}");
    ChatRequest second =
        request(
            researchTools(),
            UserMessage.from("What is 2 + 2?"),
            AiMessage.from(List.of(first)),
            ToolExecutionResultMessage.from(first, "4"),
            AiMessage.from("The result is 4."),
            UserMessage.from("And 3 * 3?"));

    ToolExecutionRequest call = onlyCall(model.chat(second));
    assertThat(call.id()).isEqualTo("call_2");
    assertThat(call.arguments()).isEqualTo("{\"expression\":\"3 * 3\"}");
  }

  @Test
  void aBlankQuestionGetsPlainText() {
    ChatResponse response = model.chat(question(" \n "));
    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(response.aiMessage().text()).isNotBlank();
  }
}
