package dev.agentq.worker.tool;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.schemas.MalformedJsonException;
import dev.agentq.schemas.Violation;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools an agent declares, as LangChain4j {@code @Tool} methods of plain objects. A call runs
 * only if the tool is declared and its arguments conform to the tool's JSON Schema (with no
 * undeclared arguments); otherwise the model is told why, and nothing runs.
 */
public final class ToolBox {
  private final Map<String, Declared> tools = new LinkedHashMap<>();

  private record Declared(
      ToolSpecification specification, JsonNode schema, DefaultToolExecutor executor) {}

  private ToolBox() {}

  /** The {@code @Tool} methods of {@code toolObjects}. */
  public static ToolBox of(Object... toolObjects) {
    ToolBox box = new ToolBox();
    for (Object object : toolObjects) {
      for (Method method : object.getClass().getDeclaredMethods()) {
        if (method.isAnnotationPresent(Tool.class)) {
          ToolSpecification specification = ToolSpecifications.toolSpecificationFrom(method);
          box.tools.put(
              specification.name(),
              new Declared(
                  specification,
                  strictSchema(specification),
                  new DefaultToolExecutor(object, method)));
        }
      }
    }
    return box;
  }

  public List<ToolSpecification> specifications() {
    return tools.values().stream().map(Declared::specification).toList();
  }

  /** Runs the call if it may run; never throws for a bad call, the model hears why instead. */
  public ToolOutcome execute(ToolExecutionRequest call) {
    Declared tool = tools.get(call.name());
    if (tool == null) {
      return ToolOutcome.refused(
          "there is no tool named '" + call.name() + "'; the tools are " + tools.keySet());
    }
    JsonNode arguments;
    try {
      arguments =
          Json.parse(
              call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments());
    } catch (MalformedJsonException e) {
      return ToolOutcome.refused("the arguments of '" + call.name() + "' are " + e.getMessage());
    }
    List<Violation> violations = JsonSchemas.get().violationsOf(tool.schema(), arguments);
    if (!violations.isEmpty()) {
      List<String> reasons = new ArrayList<>();
      violations.forEach(v -> reasons.add(v.pointer() + ": " + Json.redact(v.message())));
      return ToolOutcome.refused(
          "the arguments of '" + call.name() + "' break its schema: " + String.join("; ", reasons));
    }
    try {
      return ToolOutcome.ran(tool.executor().execute(call, call.id()));
    } catch (RuntimeException e) {
      return ToolOutcome.ran(
          "error: the tool failed: " + Json.redact(String.valueOf(e.getMessage())));
    }
  }

  private static JsonNode strictSchema(ToolSpecification specification) {
    ObjectNode schema =
        specification.parameters() == null
            ? Json.object().put("type", "object")
            : (ObjectNode) Json.toTree(JsonSchemaElementUtils.toMap(specification.parameters()));
    schema.put("additionalProperties", false);
    return schema;
  }
}
