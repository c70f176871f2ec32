package dev.agentq.schemas;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The agents agentq offers and the contracts of their input and output. The API validates
 * submissions against it; workers check at start-up that they implement every agent listed.
 */
public final class AgentCatalog {
  /** An agent's contract; its schemas are {@code agents/<name>.input} and {@code .output}. */
  public record Entry(String name, String description) {
    public String inputSchema() {
      return "agents/" + name + ".input";
    }

    public String outputSchema() {
      return "agents/" + name + ".output";
    }
  }

  private static final List<Entry> ENTRIES =
      List.of(
          new Entry(
              "document-digest",
              "Classifies a document (text, Markdown, HTML or PDF; inline, as bytes or as a file"
                  + " reference), extracts its key fields and summarizes it, in checkpointed"
                  + " steps; a long document chunk by chunk, within the job's token budget."),
          new Entry(
              "research",
              "Answers a question with tools (a calculator, search and reading over the job's"
                  + " documents); jobs sharing a thread_id continue one conversation."));

  private AgentCatalog() {}

  public static List<Entry> entries() {
    return ENTRIES;
  }

  public static Optional<Entry> find(String name) {
    return ENTRIES.stream().filter(entry -> entry.name().equals(name)).findFirst();
  }

  /** Every violation of the agent's input schema by {@code input}. */
  public static List<Violation> inputViolations(Entry agent, JsonNode input) {
    return JsonSchemas.get().violations(agent.inputSchema(), input);
  }

  public static AgentView view(Entry agent) {
    JsonSchemas schemas = JsonSchemas.get();
    return new AgentView(
        agent.name(),
        agent.description(),
        schemas.document(agent.inputSchema()),
        schemas.document(agent.outputSchema()));
  }
}
