package dev.agentq.worker.model.offline;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Heuristic tool use: one tool call for a new question, then an answer from what it returned. */
final class ToolUse {
  static final String CALCULATE = "calculate";
  static final String SEARCH = "search_documents";

  /** Words that frame a question rather than say what to look for. */
  private static final Set<String> FRAMING =
      Set.of(
          "tell",
          "say",
          "says",
          "said",
          "please",
          "know",
          "explain",
          "describe",
          "mention",
          "mentions",
          "find",
          "give",
          "show");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ToolUse() {}

  /**
   * The reply to a request that declares tools and asks a question: a tool call if the question is
   * new and a declared tool fits, else a plain-text answer from the results that follow it; null
   * when there is no tool, no question, or no fitting tool, so that the model replies as before.
   */
  static AiMessage reply(ChatRequest request) {
    ToolTurn turn = ToolTurn.of(request);
    if (turn.tools().isEmpty() || turn.question().isEmpty()) {
      return null;
    }
    if (!turn.isNewQuestion()) {
      return AiMessage.from(ToolAnswers.answer(turn.question(), turn.results()));
    }
    ToolExecutionRequest call = call(turn);
    return call == null ? null : AiMessage.from(List.of(call));
  }

  /** {@code calculate} for a question with arithmetic in it, else {@code search_documents}. */
  static ToolExecutionRequest call(ToolTurn turn) {
    String id = "call_" + (turn.callsSoFar() + 1);
    String parameter = turn.parameterName(CALCULATE, "expression");
    Optional<String> expression =
        parameter == null ? Optional.empty() : Arithmetic.find(turn.question());
    if (expression.isPresent()) {
      return request(id, CALCULATE, parameter, expression.get());
    }
    parameter = turn.parameterName(SEARCH, "query");
    return parameter == null ? null : request(id, SEARCH, parameter, query(turn.question()));
  }

  /** The question's distinct content words and numbers, or all of it if it has none. */
  static String query(String question) {
    List<String> words = Words.of(question).stream().filter(Words::isTerm).distinct().toList();
    List<String> subject = words.stream().filter(w -> !FRAMING.contains(w)).toList();
    if (!subject.isEmpty()) {
      return String.join(" ", subject);
    }
    return words.isEmpty() ? question : String.join(" ", words);
  }

  private static ToolExecutionRequest request(
      String id, String tool, String parameter, String value) {
    String arguments = JSON.writeValueAsString(JSON.createObjectNode().put(parameter, value));
    return ToolExecutionRequest.builder().id(id).name(tool).arguments(arguments).build();
  }
}
