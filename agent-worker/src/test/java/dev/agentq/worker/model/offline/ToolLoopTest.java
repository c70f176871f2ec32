package dev.agentq.worker.model.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.worker.agent.research.ResearchTools;
import dev.agentq.worker.tool.ToolBox;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drives the offline model and the research tools by hand, the way the runtime's loop does. */
class ToolLoopTest {
  private static final int MAX_TOOL_CALLS = 10;

  private final OfflineChatModel model = new OfflineChatModel();
  private final ToolBox tools = ToolBox.of(new ResearchTools(ToolRequests.DOCUMENTS));

  /** What the loop did: the tool calls made, and the final answer. */
  private record Run(List<ToolExecutionRequest> calls, List<String> results, String answer) {}

  private Run ask(List<ChatMessage> history, String question) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(SystemMessage.from(ToolRequests.SYSTEM));
    messages.addAll(history);
    messages.add(UserMessage.from(question));
    List<ToolExecutionRequest> calls = new ArrayList<>();
    List<String> results = new ArrayList<>();
    while (true) {
      boolean budgetLeft = calls.size() < MAX_TOOL_CALLS;
      ChatRequest request =
          ChatRequest.builder()
              .messages(messages)
              .toolSpecifications(budgetLeft ? tools.specifications() : List.of())
              .build();
      ChatResponse response = model.chat(request);
      AiMessage answer = response.aiMessage();
      if (!budgetLeft || !answer.hasToolExecutionRequests()) {
        return new Run(calls, results, answer.text());
      }
      messages.add(answer);
      for (ToolExecutionRequest call : answer.toolExecutionRequests()) {
        calls.add(call);
        String result = tools.execute(call).text();
        results.add(result);
        messages.add(ToolExecutionResultMessage.from(call, result));
      }
    }
  }

  @Test
  void answersACalculationWithTheCalculator() {
    Run run = ask(List.of(), "What is (1200 - 150) * 0.2?");

    assertThat(run.calls()).extracting(ToolExecutionRequest::name).containsExactly("calculate");
    assertThat(run.results()).containsExactly("210");
    assertThat(run.answer()).isEqualTo("The result is 210.");
  }

  @Test
  void answersAPercentageQuestion() {
    assertThat(ask(List.of(), "Compute 17% of 250.").answer()).isEqualTo("The result is 42.5.");
  }

  @Test
  void answersADocumentQuestionFromTheSearchResults() {
    Run run = ask(List.of(), "Who has to approve travel expenses?");

    assertThat(run.calls())
        .extracting(ToolExecutionRequest::name)
        .containsExactly("search_documents");
    assertThat(run.results().getFirst()).startsWith("[handbook] ");
    assertThat(run.answer())
        .isEqualTo(
            "From the documents: [handbook] Expenses over 500 EUR need approval by a manager.");
  }

  @Test
  void answersFromTheInvoiceAndNamesIt() {
    Run run = ask(List.of(), "What is the amount due on the invoice?");

    assertThat(run.answer())
        .startsWith("From the documents: [invoice.txt] ")
        .contains("Amount due: $2,088.00");
  }

  @Test
  void saysSoWhenTheDocumentsHaveNothing() {
    Run run = ask(List.of(), "Where do penguins live?");

    assertThat(run.calls()).hasSize(1);
    assertThat(run.answer()).startsWith("The search found nothing: no passage matches");
  }

  @Test
  void aConversationKeepsGoingWithFreshCallIds() {
    Run first = ask(List.of(), "What is 6 * 7?");
    List<ChatMessage> history =
        List.of(UserMessage.from("What is 6 * 7?"), AiMessage.from(first.answer()));
    Run second = ask(history, "How many days a week is remote work allowed?");

    assertThat(first.answer()).isEqualTo("The result is 42.");
    assertThat(second.calls()).extracting(ToolExecutionRequest::id).containsExactly("call_1");
    assertThat(second.answer()).contains("[handbook]").contains("three days a week");
  }
}
