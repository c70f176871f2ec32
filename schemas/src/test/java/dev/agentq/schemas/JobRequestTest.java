package dev.agentq.schemas;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobRequestTest {

  private static JobRequest parse(String json) {
    return JobRequest.parse(json.getBytes(UTF_8));
  }

  private static ContractViolationException violation(String json) {
    try {
      parse(json);
    } catch (ContractViolationException e) {
      return e;
    }
    throw new AssertionError("expected a violation for " + json);
  }

  @Test
  void parsesAFullRequest() {
    JobRequest request =
        parse(
            """
            {"agent":"document-digest","input":{"document":"hello"},"thread_id":"t-1",
             "webhook_url":"https://example.com/hook","metadata":{"customer":"acme"}}
            """);

    assertThat(request.agent()).isEqualTo("document-digest");
    assertThat(request.input().get("document").asString()).isEqualTo("hello");
    assertThat(request.threadId()).isEqualTo("t-1");
    assertThat(request.webhookUrl()).isEqualTo("https://example.com/hook");
    assertThat(request.metadata()).containsEntry("customer", "acme");
  }

  @Test
  void metadataDefaultsToEmpty() {
    assertThat(parse("{\"agent\":\"a\",\"input\":{}}").metadata()).isEmpty();
  }

  @Test
  void reportsEachMissingFieldWithItsPointer() {
    assertThat(violation("{}").violations())
        .extracting(Violation::pointer)
        .containsExactlyInAnyOrder("/agent", "/input");
  }

  @Test
  void refusesUnknownFields() {
    assertThat(violation("{\"agent\":\"a\",\"input\":{},\"priority\":1}").violations())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.pointer()).isEqualTo("/priority");
              assertThat(v.message()).contains("priority");
            });
  }

  @Test
  void refusesWrongTypesWithPointers() {
    var violations = violation("{\"agent\":7,\"input\":[],\"metadata\":{\"k\":1}}").violations();
    assertThat(violations)
        .extracting(Violation::pointer)
        .contains("/agent", "/input", "/metadata/k");
  }

  @Test
  void refusesAWebhookThatIsNotHttp() {
    assertThat(
            violation("{\"agent\":\"a\",\"input\":{},\"webhook_url\":\"ftp://x/y\"}").violations())
        .extracting(Violation::pointer)
        .containsExactly("/webhook_url");
  }

  @Test
  void malformedJsonIsNotAViolation() {
    assertThatThrownBy(() -> parse("{\"agent\": ")).isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedJsonException.class);
    assertThatThrownBy(() -> parse("{} {}")).isInstanceOf(MalformedJsonException.class);
  }

  @Test
  void malformedJsonIsDescribedByPositionWithoutSourceNoise() {
    assertThatThrownBy(() -> parse("{\"agent\": "))
        .hasMessageStartingWith("not valid JSON at line 1, column")
        .hasMessageNotContaining("Source");
  }

  @Test
  void duplicateKeysAreMalformed() {
    assertThatThrownBy(() -> parse("{\"agent\":\"a\",\"agent\":\"b\",\"input\":{}}"))
        .isInstanceOf(MalformedJsonException.class)
        .hasMessageContaining("line 1");
  }

  @Test
  void aBodyThatIsNotAnObjectIsAViolation() {
    assertThat(violation("[1,2]").violations()).extracting(Violation::pointer).containsExactly("");
  }
}
