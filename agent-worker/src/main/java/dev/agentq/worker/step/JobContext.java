package dev.agentq.worker.step;

import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What an agent sees of its job. Every piece of work with an effect or a cost goes through it, as a
 * {@link #step}, or a model or tool call: finished work is checkpointed, and is not done again when
 * the job runs again after a crash; its recorded output is returned instead.
 *
 * <p>Agent code is therefore run again from the top after a crash, and must be deterministic
 * between steps: the same input and the same recorded outputs must lead to the same steps and
 * calls, with the same names, in the same order (as in Temporal and Inngest). Read clocks, random
 * numbers and the outside world only inside steps. A step whose name or position changed on replay
 * fails the job with {@code nondeterministic_replay}.
 */
public interface JobContext {

  UUID jobId();

  String tenant();

  /** The attempt running now, from 1. */
  int attempt();

  /** The job's input, as submitted and validated against the agent's input schema. */
  JsonNode input();

  /** The conversation thread the job belongs to, if it has one. */
  Optional<String> threadId();

  /**
   * Runs {@code body} as the next step named {@code name}, or returns its checkpointed output if an
   * earlier attempt finished it. Steps do not nest.
   *
   * @throws NonDeterministicReplayException if the work recorded at this position differs
   */
  <T> T step(String name, Class<T> type, StepBody<T> body);

  /** A model call outside any step, checkpointed as work of its own named {@code name}. */
  ChatResponse chat(String name, ChatRequest request);

  /**
   * Tokens the job may still spend: its budget less what its model calls have used so far, those of
   * earlier attempts included, so the same on replay. A call whose input alone would take more
   * fails with {@code token_budget_exceeded} ({@link TokenBudgetExceededException}).
   */
  long tokensLeft();

  /**
   * The conversation of the job's thread: the messages earlier jobs of the thread left, plus those
   * this job adds. They are saved, for the thread's next job, when this job succeeds.
   *
   * @throws IllegalStateException if the job has no {@code thread_id}
   */
  Conversation conversation();
}
