package dev.agentq.api.docs;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * agentq's JSON Schemas as OpenAPI 3.1 components, which are JSON Schema 2020-12 themselves: a
 * schema named {@code job-accepted} becomes component {@code JobAccepted} (its title); a reference
 * to another schema file becomes a reference to its component; a reference into {@code defs} is
 * inlined.
 */
public final class SchemaComponents {
  private static final String COMPONENTS = "#/components/schemas/";
  private final Map<String, JsonNode> components = new LinkedHashMap<>();

  /** Adds the named schema and every schema it refers to; returns its component's reference. */
  public String add(String schema) {
    String name = componentName(schema);
    if (!components.containsKey(name)) {
      components.put(name, Json.object());
      components.put(name, convert(JsonSchemas.get().document(schema).deepCopy()));
    }
    return COMPONENTS + name;
  }

  /** Component name to schema, in the order added. */
  public Map<String, JsonNode> components() {
    return Map.copyOf(components);
  }

  public static String componentName(String schema) {
    return JsonSchemas.get().document(schema).path("title").asString();
  }

  private JsonNode convert(JsonNode node) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      object.remove("$schema");
      object.remove("$id");
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString()) {
        JsonNode resolved = resolve(ref.asString());
        object.remove("$ref");
        if (resolved.has("$ref")) {
          object.set("$ref", resolved.get("$ref"));
        } else {
          resolved.properties().forEach(e -> object.putIfAbsent(e.getKey(), e.getValue()));
        }
      }
      object.properties().forEach(e -> e.setValue(convert(e.getValue())));
      return object;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((tools.jackson.databind.node.ArrayNode) node).set(i, convert(node.get(i)));
      }
    }
    return node;
  }

  private JsonNode resolve(String ref) {
    int hash = ref.indexOf('#');
    String file = hash < 0 ? ref : ref.substring(0, hash);
    String schema = file.replace(".schema.json", "");
    if (hash < 0) {
      return Json.object().put("$ref", add(schema));
    }
    JsonNode target = JsonSchemas.get().document(schema).at(ref.substring(hash + 1)).deepCopy();
    return convert(target);
  }
}
