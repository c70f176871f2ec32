package dev.agentq.worker.model.offline;

import static dev.agentq.worker.model.offline.ToolRequests.answered;
import static dev.agentq.worker.model.offline.ToolRequests.call;
import static dev.agentq.worker.model.offline.ToolRequests.question;
import static dev.agentq.worker.model.offline.ToolRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.worker.agent.research.ResearchTools;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline model's plain-text answers from tool results. */
class ToolAnswerTest {
  private final OfflineChatModel model = new OfflineChatModel();
  private final ResearchTools tools = new ResearchTools(ToolRequests.DOCUMENTS);

  @Test
  void aCalculationResultIsAnsweredInPlainText() {
    ChatResponse response =
        model.chat(answered("What is 2 + 2?", call("call_1", "calculate", "{}"), "4"));

    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(response.aiMessage().text()).isEqualTo("The result is 4.");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void aFailedCalculationIsReportedAsSuch() {
    String error = tools.calculate("1 / 0");
    ChatResponse response =
        model.chat(answered("What is 1 / 0?", call("call_1", "calculate", "{}"), error));
    assertThat(response.aiMessage().text()).isEqualTo("The calculation failed: division by zero.");
  }

  @Test
  void aSearchResultIsAnsweredWithTheBestSentencesAndTheirDocument() {
    String question = "Who has to approve travel expenses?";
    String result = tools.searchDocuments("approve travel expenses");
    ChatResponse response =
        model.chat(answered(question, call("call_1", "search_documents", "{}"), result));

    String answer = response.aiMessage().text();
    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
    assertThat(answer)
        .startsWith("From the documents: [handbook] ")
        .contains("Expenses over 500 EUR need approval by a manager.")
        .doesNotContain("public holidays");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
  }

  @Test
  void aSearchThatFoundNothingIsSaidPlainly() {
    String result = tools.searchDocuments("zebra");
    ChatResponse response =
        model.chat(
            answered("Where is the zebra?", call("call_1", "search_documents", "{}"), result));

    assertThat(response.aiMessage().text())
        .startsWith("The search found nothing: no passage matches 'zebra'")
        .doesNotContain("From the documents");
  }

  @Test
  void aQuestionGetsOneRoundOfToolCallsOnly() {
    ToolExecutionRequest search = call("call_1", "search_documents", "{\"query\":\"x\"}");
    ChatResponse response = model.chat(answered("What is 6 * 7?", search, "[handbook] Nothing."));
    assertThat(response.aiMessage().hasToolExecutionRequests()).isFalse();
  }

  @Test
  void theSameRequestGetsTheSameReply() {
    String result = tools.searchDocuments("approve travel expenses");
    List<ChatRequest> requests =
        List.of(
            question("What is (1200 - 150) * 0.2?"),
            question("Who has to approve travel expenses?"),
            answered("Who approves?", call("call_1", "search_documents", "{}"), result));
    for (ChatRequest request : requests) {
      ChatResponse first = model.chat(request);
      ChatResponse second = new OfflineChatModel().chat(request);
      assertThat(second.aiMessage()).isEqualTo(first.aiMessage());
      assertThat(second.tokenUsage()).isEqualTo(first.tokenUsage());
      assertThat(second.finishReason()).isEqualTo(first.finishReason());
    }
  }
}
