package dev.agentq.store;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Builder of {@link NewJob}s for tests: {@code aJob().forTenant("acme").build()}. */
final class NewJobs {
  private UUID id = UUID.randomUUID();
  private String tenant = "default";
  private String agent = "document-digest";
  private Lane lane = Lane.INTERACTIVE;
  private JsonNode input = Json.parse("{\"document\":\"Invoice #7 total $12.00\"}");
  private int maxAttempts = 3;
  private String threadId;
  private boolean rejectIfThreadBusy;
  private Map<String, String> metadata = Map.of("source", "test");

  static NewJobs aJob() {
    return new NewJobs();
  }

  NewJobs forTenant(String tenant) {
    this.tenant = tenant;
    return this;
  }

  NewJobs inLane(Lane lane) {
    this.lane = lane;
    return this;
  }

  NewJobs withMetadata(Map<String, String> metadata) {
    this.metadata = metadata;
    return this;
  }

  NewJobs forAgent(String agent) {
    this.agent = agent;
    return this;
  }

  NewJobs withInput(JsonNode input) {
    this.input = input;
    return this;
  }

  NewJobs withMaxAttempts(int maxAttempts) {
    this.maxAttempts = maxAttempts;
    return this;
  }

  NewJobs inThread(String threadId) {
    this.threadId = threadId;
    return this;
  }

  NewJobs rejectIfThreadBusy() {
    this.rejectIfThreadBusy = true;
    return this;
  }

  NewJob build() {
    return new NewJob(
        id, tenant, agent, lane, input, threadId, null, metadata, maxAttempts, rejectIfThreadBusy);
  }
}
