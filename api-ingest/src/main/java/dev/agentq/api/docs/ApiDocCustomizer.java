package dev.agentq.api.docs;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * Fills the OpenAPI document springdoc builds from the controllers: each route's summary, body,
 * answers and problems from its {@link ApiDoc}, and the JSON Schemas of {@code schemas} as
 * components.
 */
public final class ApiDocCustomizer implements OperationCustomizer, OpenApiCustomizer {
  static final String TENANT_KEY = "apiKey";
  static final String ADMIN_KEY = "adminKey";
  private static final String PROBLEM = "problem";

  private final SchemaComponents schemas = new SchemaComponents();

  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    ApiDoc doc = handler.getMethodAnnotation(ApiDoc.class);
    if (doc == null) {
      return operation;
    }
    operation.setSummary(doc.summary());
    operation.setDescription(doc.description().isEmpty() ? null : doc.description());
    if (!doc.request().isEmpty()) {
      operation.setRequestBody(
          new RequestBody()
              .required(!doc.requestOptional())
              .content(content(doc.requestMediaType(), doc.request())));
    }
    for (String query : doc.query()) {
      int colon = query.indexOf(':');
      operation.addParametersItem(
          new Parameter()
              .in("query")
              .name(query.substring(0, colon).strip())
              .description(query.substring(colon + 1).strip())
              .schema(new StringSchema()));
    }
    ApiResponses responses = new ApiResponses();
    for (ApiDoc.Answer answer : doc.answers()) {
      ApiResponse response = new ApiResponse().description(answer.description());
      if (!answer.schema().isEmpty()) {
        response.content(content(answer.mediaType(), answer.schema()));
      } else if (!answer.mediaType().equals("application/json")) {
        response.content(new Content().addMediaType(answer.mediaType(), new MediaType()));
      }
      responses.addApiResponse(Integer.toString(answer.status()), response);
    }
    for (int status : problems(doc)) {
      responses.addApiResponse(
          Integer.toString(status),
          new ApiResponse()
              .description("A problem; see its code.")
              .content(content("application/problem+json", PROBLEM)));
    }
    operation.setResponses(responses);
    switch (doc.access()) {
      case TENANT -> operation.setSecurity(List.of(new SecurityRequirement().addList(TENANT_KEY)));
      case ADMIN -> operation.setSecurity(List.of(new SecurityRequirement().addList(ADMIN_KEY)));
      case PUBLIC -> operation.setSecurity(List.of());
    }
    return operation;
  }

  private static TreeSet<Integer> problems(ApiDoc doc) {
    TreeSet<Integer> statuses = new TreeSet<>();
    for (int status : doc.problems()) {
      statuses.add(status);
    }
    switch (doc.access()) {
      case TENANT -> statuses.addAll(List.of(401, 429));
      case ADMIN -> statuses.addAll(List.of(401, 403));
      case PUBLIC -> {}
    }
    return statuses;
  }

  private Content content(String mediaType, String schema) {
    return new Content()
        .addMediaType(mediaType, new MediaType().schema(new Schema<>().$ref(schemas.add(schema))));
  }

  @Override
  public void customise(OpenAPI openApi) {
    openApi
        .getInfo()
        .title("agentq API")
        .version("v1")
        .description(
            "Durable background execution of multi-step AI-agent jobs. Every error is an"
                + " RFC 9457 problem with a stable code.");
    Components components =
        openApi.getComponents() == null ? new Components() : openApi.getComponents();
    components.addSecuritySchemes(
        TENANT_KEY,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description("A tenant's API key, aq_..."));
    components.addSecuritySchemes(
        ADMIN_KEY,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description("The admin key, AGENTQ_ADMIN_KEY"));
    schemas.add(PROBLEM);
    for (Map.Entry<String, tools.jackson.databind.JsonNode> entry :
        schemas.components().entrySet()) {
      components.addSchemas(entry.getKey(), toSwagger(entry.getValue()));
    }
    openApi.setComponents(components);
  }

  @SuppressWarnings("rawtypes")
  private static Schema toSwagger(tools.jackson.databind.JsonNode schema) {
    try {
      return Json31.mapper().readValue(dev.agentq.schemas.Json.write(schema), Schema.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("could not publish a JSON Schema in the OpenAPI document", e);
    }
  }
}
