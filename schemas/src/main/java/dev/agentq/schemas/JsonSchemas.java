package dev.agentq.schemas;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates JSON against agentq's schemas, loaded from {@code classpath:schemas/} and cached. A
 * schema is named by its path without the {@code .schema.json} suffix: {@code job-request}, {@code
 * agents/document-digest.input}.
 */
public final class JsonSchemas {
  private static final String ID_PREFIX = "https://agentq.dev/schemas/";
  private static final JsonSchemas INSTANCE = new JsonSchemas();
  private static final java.util.Set<String> POINTS_AT_PROPERTY =
      java.util.Set.of(
          "required", "additionalProperties", "unevaluatedProperties", "dependentRequired");

  private final SchemaRegistry registry;
  private final Map<String, Schema> cache = new ConcurrentHashMap<>();
  private final Map<String, Schema> adHoc = new ConcurrentHashMap<>();

  private JsonSchemas() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .errorMessageKeyword("errorMessage")
            .build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder ->
                builder
                    .schemaRegistryConfig(config)
                    .schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/")));
  }

  public static JsonSchemas get() {
    return INSTANCE;
  }

  /** The schema document itself, for publishing (GET /v1/agents, OpenAPI). */
  public JsonNode document(String name) {
    return schema(name).getSchemaNode();
  }

  /** Every violation of the named schema by {@code value}; empty when it conforms. */
  public List<Violation> violations(String name, JsonNode value) {
    List<Error> errors = schema(name).validate(value);
    return errors.stream().map(JsonSchemas::toViolation).toList();
  }

  /**
   * Every violation of a schema given as a document (such as a tool's parameters, from outside our
   * classpath) by {@code value}. Schemas are cached by their text.
   */
  public List<Violation> violationsOf(JsonNode schemaDocument, JsonNode value) {
    Schema schema =
        adHoc.computeIfAbsent(
            Json.write(schemaDocument),
            text -> {
              Schema loaded = registry.getSchema(schemaDocument);
              loaded.initializeValidators();
              return loaded;
            });
    return schema.validate(value).stream().map(JsonSchemas::toViolation).toList();
  }

  /**
   * Throws {@link ContractViolationException} unless {@code value} conforms to the named schema.
   */
  public void require(String name, JsonNode value) {
    List<Violation> violations = violations(name, value);
    if (!violations.isEmpty()) {
      throw new ContractViolationException(name, violations);
    }
  }

  private Schema schema(String name) {
    return cache.computeIfAbsent(name, this::load);
  }

  private Schema load(String name) {
    if (!name.matches("[a-z0-9./-]+") || name.contains("..")) {
      throw new IllegalArgumentException("not a schema name: " + name);
    }
    Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + name + ".schema.json"));
    schema.initializeValidators();
    return schema;
  }

  private static Violation toViolation(Error error) {
    String pointer = error.getInstanceLocation().toString();
    String property = error.getProperty();
    // These keywords report on the parent object; point at the property itself.
    if (property != null && POINTS_AT_PROPERTY.contains(error.getKeyword())) {
      pointer = pointer + "/" + property.replace("~", "~0").replace("/", "~1");
    }
    return new Violation(pointer, error.getMessage());
  }
}
