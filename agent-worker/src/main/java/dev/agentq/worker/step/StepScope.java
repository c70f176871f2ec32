package dev.agentq.worker.step;

import dev.agentq.worker.tool.ToolBox;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * What a step's body may use. Each model and tool call made here is checkpointed on its own as it
 * finishes, so a step cut short by a crash re-issues none of the calls it had finished.
 */
public interface StepScope {

  /** Calls the job's model. */
  ChatResponse chat(ChatRequest request);

  /**
   * Calls the model for a structured reply and reads its JSON into {@code type}. A reply that does
   * not fit is sent back with what is wrong, a bounded number of times.
   *
   * @throws dev.agentq.worker.model.InvalidModelOutputException if no reply fits
   */
  <T> T chatJson(ChatRequest request, Class<T> type);

  /**
   * Lets the model call {@code tools} until it answers without calling any, up to the step's budget
   * of tool calls; then it must answer without tools. Returns its final answer.
   */
  ChatResponse chatWithTools(ChatRequest request, ToolBox tools);
}
