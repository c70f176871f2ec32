package dev.agentq.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.JsonSchemas;
import java.net.http.HttpHeaders;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What the API answered.
 *
 * @param status HTTP status
 * @param headers response headers
 * @param body the body as text
 */
public record ApiResponse(int status, HttpHeaders headers, String body) {
  /** Signs of a Java internal in a body: exception names, stack frames, packages, class refs. */
  private static final Pattern JAVA_LEAK =
      Pattern.compile(
          "Exception|[a-z]Error\\b|\\bat [\\w$]+(\\.[\\w$]+)+\\("
              + "|\\b(java|javax|jakarta|org\\.springframework|org\\.apache|tools\\.jackson"
              + "|com\\.fasterxml|dev\\.agentq)\\.[a-z]|`[A-Z]\\w*\\.\\w+");

  public JsonNode json() {
    return Json.parse(body);
  }

  public String contentType() {
    return headers.firstValue("Content-Type").orElse("");
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** Asserts the status and that the body is JSON conforming to the named schema; returns it. */
  public JsonNode conforming(int expectedStatus, String schema) {
    assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
    assertThat(contentType()).startsWith("application/json");
    JsonNode node = json();
    assertThat(JsonSchemas.get().violations(schema, node))
        .as("%s against %s", body, schema)
        .isEmpty();
    return node;
  }

  /**
   * Asserts an RFC 9457 answer: the status, {@code application/problem+json}, a body conforming to
   * the {@code problem} schema with the given {@code code}, and no Java internals. Returns it.
   */
  public JsonNode problem(int expectedStatus, String code) {
    assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
    assertThat(contentType()).as("content type of %s", body).startsWith("application/problem+json");
    assertNoJavaInternals();
    JsonNode node = json();
    assertThat(JsonSchemas.get().violations("problem", node)).as("problem %s", body).isEmpty();
    assertThat(node.path("status").asInt()).isEqualTo(expectedStatus);
    assertThat(node.path("code").asString()).as("code of %s", body).isEqualTo(code);
    assertThat(node.path("detail").asString()).isNotBlank();
    return node;
  }

  public void assertNoJavaInternals() {
    assertThat(body).as("a body for people, not Java internals").doesNotContainPattern(JAVA_LEAK);
  }
}
