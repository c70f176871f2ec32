package dev.agentq.bench;

import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.testkit.openai.Responder;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fake model's answers to the three structured requests of {@code document-digest}, chosen by
 * the response schema's name, each sent after {@code delay}. A request it cannot answer gets an
 * HTTP 400 and is counted as an error.
 */
final class DigestModel implements Responder {
  private final Reply classification;
  private final Reply fields;
  private final Reply summary;
  private final LongAdder unexpected = new LongAdder();

  DigestModel(Duration delay) {
    this.classification =
        Reply.json("{\"category\":\"invoice\",\"confidence\":0.9,\"language\":\"en\"}")
            .withUsage(120, 12)
            .withDelay(delay);
    this.fields =
        Reply.json("{\"fields\":[{\"name\":\"invoice_number\",\"value\":\"INV-7\"}]}")
            .withUsage(130, 20)
            .withDelay(delay);
    this.summary =
        Reply.json("{\"summary\":\"An invoice.\",\"key_points\":[\"INV-7\"]}")
            .withUsage(140, 15)
            .withDelay(delay);
  }

  /** The document every benchmark job digests. */
  static final String DOCUMENT = "INVOICE #INV-7\nBill to: Acme Corp.\nTotal amount due: $70.00.";

  @Override
  public Reply reply(RecordedRequest request) {
    String schema = request.responseSchemaName();
    return switch (schema == null ? "" : schema) {
      case "document_classification" -> classification;
      case "document_fields" -> fields;
      case "document_summary" -> summary;
      default -> {
        unexpected.increment();
        yield Reply.error(400, "invalid_request_error", "unexpected request: " + schema);
      }
    };
  }

  /** Requests answered with an error because they were not one of the three. */
  long unexpected() {
    return unexpected.sum();
  }
}
