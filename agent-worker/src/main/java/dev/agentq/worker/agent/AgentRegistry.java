package dev.agentq.worker.agent;

import dev.agentq.schemas.AgentCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The agents this worker runs; it must run every agent of the {@link AgentCatalog}, and no other.
 */
public final class AgentRegistry {
  private final Map<String, Agent> agents;

  public AgentRegistry(List<Agent> agents) {
    this.agents = agents.stream().collect(Collectors.toMap(Agent::name, Function.identity()));
    var catalog =
        new TreeSet<>(AgentCatalog.entries().stream().map(AgentCatalog.Entry::name).toList());
    if (!catalog.equals(new TreeSet<>(this.agents.keySet()))) {
      throw new IllegalStateException(
          "the worker's agents "
              + new TreeSet<>(this.agents.keySet())
              + " differ from the catalog's "
              + catalog);
    }
  }

  public Optional<Agent> find(String name) {
    return Optional.ofNullable(agents.get(name));
  }
}
