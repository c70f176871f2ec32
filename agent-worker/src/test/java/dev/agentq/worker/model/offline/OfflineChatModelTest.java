package dev.agentq.worker.model.offline;

import static dev.agentq.worker.model.offline.Requests.CLASSIFICATION;
import static dev.agentq.worker.model.offline.Requests.FIELDS;
import static dev.agentq.worker.model.offline.Requests.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OfflineChatModelTest {
  private final OfflineChatModel model = new OfflineChatModel();

  private JsonNode classify(String document) {
    return Requests.parse(
        model.chat(Requests.structured(CLASSIFICATION, document)).aiMessage().text());
  }

  private Map<String, String> fields(String document) {
    return Requests.fields(model.chat(Requests.structured(FIELDS, document)).aiMessage().text());
  }

  @Test
  void classifiesAnInvoiceAndExtractsItsFields() {
    JsonNode classification = classify(Documents.INVOICE);
    assertThat(classification.get("category").asString()).isEqualTo("invoice");
    assertThat(classification.get("language").asString()).isEqualTo("en");

    Map<String, String> fields = fields(Documents.INVOICE);
    assertThat(fields)
        .containsEntry("title", "INVOICE")
        .containsEntry("invoice_number", "INV-2026-001")
        .containsEntry("order_number", "4411")
        .containsEntry("total_amount", "2088.00")
        .containsEntry("currency", "USD")
        .containsEntry("due_date", "2026-03-31")
        .containsEntry("date", "March 1, 2026")
        .containsEntry("email", "billing@acme-supplies.com")
        .containsEntry("phone", "(555) 123-4567")
        .containsEntry("url", "https://www.acme-supplies.com/invoices")
        .containsEntry("percentage", "20%");
  }

  @Test
  void classifiesAContractAndFindsBothParties() {
    assertThat(classify(Documents.CONTRACT).get("category").asString()).isEqualTo("contract");

    Map<String, String> fields = fields(Documents.CONTRACT);
    assertThat(fields)
        .containsEntry("party_1", "Acme Corp.")
        .containsEntry("party_2", "Globex LLC")
        .containsEntry("total_amount", "12500.00")
        .containsEntry("currency", "EUR")
        .containsEntry("date", "1 March 2026");
  }

  @Test
  void classifiesAnEmailAndReadsItsHeaders() {
    assertThat(classify(Documents.EMAIL).get("category").asString()).isEqualTo("email");

    assertThat(fields(Documents.EMAIL))
        .containsEntry("from", "Alice Smith <alice@example.com>")
        .containsEntry("to", "Bob Jones <bob@example.org>")
        .containsEntry("subject", "Project kickoff next week")
        .containsEntry("email", "alice@example.com")
        .containsEntry("email_2", "bob@example.org")
        .containsEntry("phone", "+1 415 555 0199")
        .containsEntry("date", "03/10/2026");
  }

  @Test
  void recognisesGermanText() {
    assertThat(classify(Documents.GERMAN).get("language").asString()).isEqualTo("de");
  }

  @Test
  void classifiesLongProseAsAnArticle() {
    assertThat(classify(Documents.ARTICLE).get("category").asString()).isEqualTo("article");
  }

  @Test
  void classificationRepliesHaveTheDocumentedShape() {
    for (String document : new String[] {Documents.INVOICE, Documents.ARTICLE, "", "zzz"}) {
      JsonNode reply = classify(document);
      assertThat(reply.propertyNames()).containsExactly("category", "confidence", "language");
      assertThat(reply.get("category").asString())
          .isIn("invoice", "contract", "report", "email", "resume", "article", "other");
      assertThat(reply.get("confidence").isNumber()).isTrue();
      assertThat(reply.get("confidence").doubleValue()).isBetween(0.35, 0.95);
      assertThat(reply.get("language").asString()).isIn("en", "de", "fr", "es", "und");
    }
    assertThat(classify("zzz").get("category").asString()).isEqualTo("other");
  }

  @Test
  void fieldRepliesHaveTheDocumentedShape() {
    String text = model.chat(Requests.structured(FIELDS, Documents.INVOICE)).aiMessage().text();
    JsonNode reply = Requests.parse(text);
    assertThat(reply.propertyNames()).containsExactly("fields");
    assertThat(reply.get("fields").isArray()).isTrue();
    for (JsonNode field : reply.get("fields").values()) {
      assertThat(field.propertyNames()).containsExactly("name", "value");
      assertThat(field.get("value").asString()).isNotBlank().hasSizeLessThanOrEqualTo(200);
    }
  }

  @Test
  void answersWithTheModelNameUsageAndStop() {
    ChatRequest request = Requests.structured(SUMMARY, Documents.CONTRACT);
    ChatResponse response = model.chat(request);

    assertThat(response.modelName()).isEqualTo(OfflineChatModel.MODEL_NAME);
    assertThat(OfflineChatModel.MODEL_NAME).isEqualTo("offline-heuristic-v1");
    assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
    int inputChars = Requests.SYSTEM.length() + Requests.wrap(Documents.CONTRACT).length();
    assertThat(response.tokenUsage().inputTokenCount()).isEqualTo((inputChars + 3) / 4);
    int outputChars = response.aiMessage().text().length();
    assertThat(response.tokenUsage().outputTokenCount()).isEqualTo((outputChars + 3) / 4);
    assertThat(response.tokenUsage().totalTokenCount()).isPositive();
  }

  @Test
  void sameRequestGetsTheSameReply() {
    for (String schema : new String[] {CLASSIFICATION, FIELDS, SUMMARY}) {
      for (String document : new String[] {Documents.INVOICE, Documents.EMAIL}) {
        ChatResponse first = model.chat(Requests.structured(schema, document));
        ChatResponse second = new OfflineChatModel().chat(Requests.structured(schema, document));
        assertThat(second.aiMessage().text()).isEqualTo(first.aiMessage().text());
        assertThat(second.tokenUsage()).isEqualTo(first.tokenUsage());
      }
    }
  }

  @Test
  void summarizesAChunkOfALongDocumentAsAWholeOne() {
    String part =
        model
            .chat(Requests.structured("document_partial_summary", Documents.ARTICLE))
            .aiMessage()
            .text();

    assertThat(Requests.parse(part).propertyNames()).containsExactly("summary", "key_points");
    assertThat(part)
        .isEqualTo(model.chat(Requests.structured(SUMMARY, Documents.ARTICLE)).aiMessage().text());
  }

  @Test
  void otherRequestsGetAPlainTextSummary() {
    String reply = model.chat(Requests.plain(Documents.ARTICLE)).aiMessage().text();
    assertThat(reply).isNotBlank().doesNotStartWith("{");
    assertThat(Texts.collapse(Documents.ARTICLE)).contains(reply.substring(0, 40));

    String otherSchema =
        model.chat(Requests.structured("something_else", Documents.ARTICLE)).aiMessage().text();
    assertThat(otherSchema).isEqualTo(reply);
  }

  @Test
  void supportsJsonSchemaResponseFormats() {
    assertThat(model.supportedCapabilities()).contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
  }
}
