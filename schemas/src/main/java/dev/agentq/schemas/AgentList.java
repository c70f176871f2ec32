package dev.agentq.schemas;

import java.util.List;

/** Answer of {@code GET /v1/agents}; mirrors {@code agent-list.schema.json}. */
public record AgentList(String object, List<AgentView> data) {
  public AgentList(List<AgentView> data) {
    this("list", List.copyOf(data));
  }
}
