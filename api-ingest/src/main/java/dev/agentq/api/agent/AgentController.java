package dev.agentq.api.agent;

import dev.agentq.api.docs.ApiDoc;
import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.AgentList;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/agents}: the agents one can submit jobs to, each with its input schema. */
@RestController
public class AgentController {

  /** A list in the OpenAI style: {@code {"object": "list", "data": [...]}}. */
  @ApiDoc(
      summary = "List agents",
      answers = @ApiDoc.Answer(status = 200, description = "The agents", schema = "agent-list"))
  @GetMapping(path = "/v1/agents", produces = MediaType.APPLICATION_JSON_VALUE)
  AgentList agents() {
    return new AgentList(AgentCatalog.entries().stream().map(AgentCatalog::view).toList());
  }
}
