package dev.agentq.worker.agent;

import dev.agentq.schemas.AgentCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The agents this worker runs, each one listed in the {@link AgentCatalog}. */
public final class AgentRegistry {
  private final Map<String, Agent> agents;

  /** The given agents; each must bear a catalog name. */
  public AgentRegistry(List<Agent> agents) {
    this.agents = agents.stream().collect(Collectors.toMap(Agent::name, Function.identity()));
    Set<String> unknown = new TreeSet<>(this.agents.keySet());
    unknown.removeAll(catalog());
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("agents " + unknown + " are not in the catalog");
    }
  }

  /** A worker's registry: it must run every agent of the catalog, so that no job is stranded. */
  public static AgentRegistry complete(List<Agent> agents) {
    AgentRegistry registry = new AgentRegistry(agents);
    Set<String> missing = new TreeSet<>(catalog());
    missing.removeAll(registry.agents.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalStateException("this worker does not implement the catalog's " + missing);
    }
    return registry;
  }

  public Optional<Agent> find(String name) {
    return Optional.ofNullable(agents.get(name));
  }

  private static Set<String> catalog() {
    return AgentCatalog.entries().stream()
        .map(AgentCatalog.Entry::name)
        .collect(Collectors.toSet());
  }
}
