package dev.agentq.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.api.docs.SchemaComponents;
import dev.agentq.api.support.ApiClient;
import dev.agentq.api.support.ApiResponse;
import dev.agentq.api.support.Infra;
import dev.agentq.api.support.Requests;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import dev.agentq.testkit.db.TestPostgres;
import dev.agentq.testkit.kafka.TestKafka;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /v3/api-docs} documents every route, each request and answer by
 * the JSON Schema the API is tested against, and Swagger UI serves it at {@code /docs}.
 */
@SpringBootTest(classes = ApiApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OpenApiIT {

  @DynamicPropertySource
  static void infra(DynamicPropertyRegistry registry) {
    Infra.connect(registry, TestPostgres.newSchema(), TestKafka.newPrefix());
  }

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private ApiClient api;
  private JsonNode document;

  @BeforeEach
  void fetch() {
    api = new ApiClient(port);
    ApiResponse response = api.anonymous().get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    document = response.json();
  }

  @Test
  void itIsOpenApi31WithBothKindsOfKey() {
    assertThat(document.path("openapi").asString()).startsWith("3.1");
    assertThat(document.at("/components/securitySchemes/apiKey/scheme").asString())
        .isEqualTo("bearer");
    assertThat(document.at("/components/securitySchemes/adminKey/scheme").asString())
        .isEqualTo("bearer");
  }

  @Test
  void everyRouteOfTheApiIsDocumented() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String path : info.getPatternValues()) {
        if (path.startsWith("/v1") || path.equals("/health") || path.equals("/ready")) {
          info.getMethodsCondition()
              .getMethods()
              .forEach(method -> routes.add(method.name().toLowerCase() + " " + path));
        }
      }
    }
    Set<String> documented = new TreeSet<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .propertyNames()
                    .forEach(method -> documented.add(method + " " + path.getKey())));

    assertThat(documented).isEqualTo(routes);
  }

  @Test
  void everyDocumentedShapeIsTheJsonSchemaOfSchemasModule() {
    List<String> references = new ArrayList<>();
    collectRefs(document.path("paths"), references);
    assertThat(references).isNotEmpty();
    for (String reference : references) {
      String name = reference.substring("#/components/schemas/".length());
      assertThat(document.at("/components/schemas/" + name).isObject()).as(reference).isTrue();
    }
    Map<String, String> byTitle =
        Map.of(
            "JobRequest",
            "job-request",
            "JobAccepted",
            "job-accepted",
            "Job",
            "job",
            "JobList",
            "job-list",
            "StepList",
            "step-list",
            "JobEvent",
            "job-event",
            "Tenant",
            "tenant",
            "ApiKeyCreated",
            "api-key-created",
            "Problem",
            "problem",
            "JobResult",
            "job-result");
    byTitle.forEach(
        (component, schema) -> {
          SchemaComponents expected = new SchemaComponents();
          expected.add(schema);
          assertThat(requiredSorted(document.at("/components/schemas/" + component).deepCopy()))
              .as(component)
              .isEqualTo(requiredSorted(expected.components().get(component).deepCopy()));
        });
  }

  @Test
  void whatTheApiServesConformsToTheDocumentedSchemas() {
    ApiResponse submitted = api.submit(Requests.digest("documented"));
    String id = submitted.json().path("id").asString();
    assertConformsToDocument(submitted, "/v1/jobs", "post", "202");
    assertConformsToDocument(api.get("/v1/jobs/" + id), "/v1/jobs/{id}", "get", "200");
    assertConformsToDocument(
        api.get("/v1/jobs/" + id + "/status"), "/v1/jobs/{id}/status", "get", "200");
    assertConformsToDocument(
        api.get("/v1/jobs/" + id + "/steps"), "/v1/jobs/{id}/steps", "get", "200");
    assertConformsToDocument(api.get("/v1/jobs"), "/v1/jobs", "get", "200");
    assertConformsToDocument(api.get("/v1/agents"), "/v1/agents", "get", "200");
    assertConformsToDocument(
        api.get("/v1/jobs/" + id + "/result"), "/v1/jobs/{id}/result", "get", "409");
    assertConformsToDocument(
        api.admin().get("/v1/admin/tenants"), "/v1/admin/tenants", "get", "200");
  }

  @Test
  void whatTheWebhookRoutesServeConformsToTheDocumentedSchemas() {
    ApiResponse created =
        api.postJson("/v1/webhooks/endpoints", "{\"url\":\"http://127.0.0.1:9/documented\"}");
    String endpoint = created.json().path("id").asString();
    String job = api.submit(Requests.digest("documented")).json().path("id").asString();
    assertConformsToDocument(created, "/v1/webhooks/endpoints", "post", "201");
    assertConformsToDocument(
        api.get("/v1/webhooks/endpoints"), "/v1/webhooks/endpoints", "get", "200");
    assertConformsToDocument(
        api.get("/v1/webhooks/endpoints/" + endpoint), "/v1/webhooks/endpoints/{id}", "get", "200");
    assertConformsToDocument(
        api.get("/v1/webhooks/endpoints/" + endpoint + "/deliveries"),
        "/v1/webhooks/endpoints/{id}/deliveries",
        "get",
        "200");
    assertConformsToDocument(
        api.get("/v1/webhooks/signing-secret"), "/v1/webhooks/signing-secret", "get", "200");
    assertConformsToDocument(
        api.get("/v1/jobs/" + job + "/webhooks"), "/v1/jobs/{id}/webhooks", "get", "200");
    assertConformsToDocument(
        api.submit(
            "{\"agent\":\"document-digest\",\"input\":{\"document\":\"x\"},"
                + "\"webhook_url\":\"http://10.0.0.7/hook\"}"),
        "/v1/jobs",
        "post",
        "422");
  }

  @Test
  void whatTheBatchRoutesServeConformsToTheDocumentedSchemas() {
    ApiResponse created =
        api.post(
            "/v1/batches",
            "application/jsonl",
            ("{\"custom_id\":\"a\",\"agent\":\"document-digest\",\"input\":{\"document\":\"x\"}}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String batch = created.json().path("id").asString();
    assertConformsToDocument(created, "/v1/batches", "post", "201");
    assertConformsToDocument(api.get("/v1/batches/" + batch), "/v1/batches/{id}", "get", "200");
    assertConformsToDocument(api.get("/v1/batches"), "/v1/batches", "get", "200");
    assertConformsToDocument(
        api.get("/v1/batches/" + UUID.randomUUID()), "/v1/batches/{id}", "get", "404");
  }

  private void assertConformsToDocument(
      ApiResponse response, String path, String method, String status) {
    assertThat(Integer.toString(response.status())).as(response.body()).isEqualTo(status);
    JsonNode content =
        document
            .path("paths")
            .path(path)
            .path(method)
            .path("responses")
            .path(status)
            .path("content");
    String mediaType = content.propertyNames().iterator().next();
    assertThat(response.contentType()).startsWith(mediaType);
    String ref = content.path(mediaType).at("/schema/$ref").asString();
    String component = ref.substring(ref.lastIndexOf('/') + 1);
    String schema = schemaNamed(component);
    assertThat(JsonSchemas.get().violations(schema, response.json())).as(path).isEmpty();
  }

  private static String schemaNamed(String title) {
    for (String candidate :
        List.of(
            "job-accepted",
            "job",
            "job-status",
            "step-list",
            "job-list",
            "agent-list",
            "problem",
            "tenant-list",
            "job-result",
            "webhook-endpoint",
            "webhook-endpoint-list",
            "webhook-endpoint-with-secret",
            "webhook-delivery-list",
            "webhook-signing-secret",
            "batch",
            "batch-list")) {
      if (SchemaComponents.componentName(candidate).equals(title)) {
        return candidate;
      }
    }
    throw new AssertionError("no schema titled " + title);
  }

  /** The order of {@code required} means nothing, and the document sorts it. */
  private static JsonNode requiredSorted(JsonNode node) {
    if (node instanceof tools.jackson.databind.node.ObjectNode object) {
      if (object.get("required") instanceof tools.jackson.databind.node.ArrayNode required) {
        List<String> names = new ArrayList<>();
        required.forEach(name -> names.add(name.asString()));
        names.sort(null);
        required.removeAll();
        names.forEach(required::add);
      }
      object.properties().forEach(e -> requiredSorted(e.getValue()));
    } else if (node.isArray()) {
      node.forEach(OpenApiIT::requiredSorted);
    }
    return node;
  }

  private static void collectRefs(JsonNode node, List<String> references) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  references.add(e.getValue().asString());
                } else {
                  collectRefs(e.getValue(), references);
                }
              });
    } else if (node.isArray()) {
      node.forEach(item -> collectRefs(item, references));
    }
  }

  @Test
  void swaggerUiIsServedAtDocs() {
    ApiResponse docs = api.anonymous().send(api.anonymous().request("/docs").GET());
    assertThat(docs.status()).isIn(200, 302);
    ApiResponse page = api.anonymous().get("/swagger-ui/index.html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("swagger");
    assertThat(Json.write(document)).doesNotContain("Caller");
  }
}
