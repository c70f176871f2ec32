package dev.agentq.api.batch;

import dev.agentq.schemas.AgentCatalog;
import dev.agentq.schemas.ContractViolationException;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.MalformedJsonException;
import dev.agentq.schemas.StorableText;
import dev.agentq.schemas.Violation;
import dev.agentq.store.NewJob;
import dev.agentq.store.batches.BatchLine;
import dev.agentq.store.batches.InvalidLine;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Checks the lines of one upload as a single submit would check its body: one JSON object with only
 * known fields, a {@code custom_id} unique in the batch, an agent that exists and an input its
 * schema accepts.
 */
final class LineCheck {
  static final String SCHEMA = "batch-line";
  private static final int MAX_DETAILED_VIOLATIONS = 3;

  private final String tenantId;
  private final Supplier<UUID> ids;
  private final int maxAttempts;
  private final Set<String> customIds = new HashSet<>();

  LineCheck(String tenantId, Supplier<UUID> ids, int maxAttempts) {
    this.tenantId = tenantId;
    this.ids = ids;
    this.maxAttempts = maxAttempts;
  }

  /** What line {@code number} is: a job to make, or why not. */
  sealed interface Checked {}

  record Valid(BatchLine line) implements Checked {}

  record Invalid(InvalidLine line) implements Checked {}

  Checked check(int number, String text) {
    JsonNode tree;
    try {
      tree = Json.parse(text);
    } catch (MalformedJsonException e) {
      return invalid(number, null, "invalid_jsonl_line", "not JSON: " + e.getMessage());
    }
    if (!tree.isObject()) {
      return invalid(number, null, "invalid_jsonl_line", "not a JSON object");
    }
    JsonNode id = tree.get("custom_id");
    if (id == null || id.isNull() || (id.isString() && id.asString().isEmpty())) {
      return invalid(number, null, "missing_custom_id", "every line needs a custom_id");
    }
    String customId = id.isString() ? id.asString() : null;
    List<Violation> shape = JsonSchemas.get().violations(SCHEMA, tree);
    if (!shape.isEmpty()) {
      return invalid(number, customId, "invalid_jsonl_line", describe(shape));
    }
    try {
      StorableText.require(tree);
    } catch (ContractViolationException e) {
      return invalid(
          number,
          null,
          "invalid_jsonl_line",
          "holds text that cannot be stored (NUL or a lone surrogate) at "
              + e.violations().getFirst().pointer());
    }
    if (!customIds.add(customId)) {
      return invalid(
          number,
          customId,
          "duplicate_custom_id",
          "custom_id '" + customId + "' is used by an earlier line of this batch");
    }
    String agentName = tree.get("agent").asString();
    AgentCatalog.Entry agent = AgentCatalog.find(agentName).orElse(null);
    if (agent == null) {
      return invalid(
          number,
          customId,
          "unknown_agent",
          "there is no agent named '" + agentName + "'; GET /v1/agents lists them");
    }
    JsonNode input = tree.get("input");
    List<Violation> inputViolations =
        AgentCatalog.inputViolations(agent, input).stream()
            .map(v -> new Violation("/input" + v.pointer(), v.message()))
            .toList();
    if (!inputViolations.isEmpty()) {
      return invalid(
          number,
          customId,
          "invalid_input",
          "the input does not match the input schema of agent '"
              + agent.name()
              + "': "
              + describe(inputViolations));
    }
    Map<String, String> metadata = Map.of();
    JsonNode given = tree.get("metadata");
    if (given != null) {
      metadata =
          given.properties().stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().asString()));
    }
    return new Valid(
        new BatchLine(
            number,
            customId,
            new NewJob(
                ids.get(),
                tenantId,
                agent.name(),
                Lane.BATCH,
                input,
                null,
                null,
                metadata,
                maxAttempts)));
  }

  private static Invalid invalid(int number, String customId, String code, String detail) {
    return new Invalid(new InvalidLine(number, customId, code, detail));
  }

  private static String describe(List<Violation> violations) {
    String text =
        violations.stream()
            .limit(MAX_DETAILED_VIOLATIONS)
            .map(v -> (v.pointer().isEmpty() ? "/" : v.pointer()) + ": " + v.message())
            .collect(Collectors.joining("; "));
    return violations.size() > MAX_DETAILED_VIOLATIONS
        ? text + "; and " + (violations.size() - MAX_DETAILED_VIOLATIONS) + " more"
        : text;
  }
}
