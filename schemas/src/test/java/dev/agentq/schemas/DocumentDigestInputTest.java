package dev.agentq.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The input contract of {@code document-digest}: one document, given in exactly one way. */
class DocumentDigestInputTest {
  private static final AgentCatalog.Entry DIGEST =
      AgentCatalog.find("document-digest").orElseThrow();

  private static List<String> pointers(String input) {
    return AgentCatalog.inputViolations(DIGEST, Json.parse(input)).stream()
        .map(Violation::pointer)
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"document\": \"Invoice INV-7\"}",
        "{\"document\": \"# Notes\", \"format\": \"markdown\", \"title\": \"Notes\"}",
        "{\"document\": \"<html><body>Hi</body></html>\", \"format\": \"html\"}",
        "{\"content_base64\": \"JVBERi0xLjcK\", \"format\": \"pdf\"}",
        "{\"content_base64\": \"SGVs\\nbG8=\"}",
        "{\"file\": \"2026/11/contract.pdf\"}",
        "{\"file\": \"notes..v2.md\", \"format\": \"markdown\"}"
      })
  void acceptsOneDocumentInOneWay(String input) {
    assertThat(pointers(input)).isEmpty();
  }

  @Test
  void refusesNoDocumentAndTwoDocumentsSayingWhy() {
    for (String input :
        List.of(
            "{\"title\": \"t\"}",
            "{\"document\": \"x\", \"file\": \"a.txt\"}",
            "{\"content_base64\": \"eA==\", \"file\": \"a.txt\"}")) {
      assertThat(AgentCatalog.inputViolations(DIGEST, Json.parse(input)))
          .as(input)
          .contains(
              new Violation(
                  "", "give the document in exactly one of document, content_base64 and file"));
    }
  }

  @Test
  void aMissingDocumentIsNamedWithItsPointer() {
    assertThat(pointers("{\"title\": 5, \"pages\": 3}")).contains("/document", "/title", "/pages");
  }

  @Test
  void anEmptyDocumentIsItsOnlyViolation() {
    assertThat(pointers("{\"document\": \"\"}")).containsExactly("/document");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/etc/passwd", "../secrets.txt", "a/../../b.txt", "a/..", "\\\\host\\x"})
  void refusesFileReferencesThatLeaveTheDirectory(String file) {
    assertThat(pointers(Json.write(Json.object().put("file", file)))).contains("/file");
  }

  @Test
  void refusesAnInlinePdfAndUnknownFormats() {
    assertThat(
            AgentCatalog.inputViolations(
                DIGEST, Json.parse("{\"document\": \"%PDF-1.7\", \"format\": \"pdf\"}")))
        .containsExactly(
            new Violation(
                "/format", "a PDF comes as content_base64 or file, not as document text"));
    assertThat(pointers("{\"document\": \"x\", \"format\": \"docx\"}")).contains("/format");
  }

  @Test
  void refusesBytesThatAreNotBase64() {
    assertThat(pointers("{\"content_base64\": \"not base64!\"}")).contains("/content_base64");
  }
}
