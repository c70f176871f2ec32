package dev.agentq.standalone;

import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.testkit.openai.Responder;

/** What the fake model answers to each of the document digest's three structured requests. */
final class DigestReplies implements Responder {

  @Override
  public Reply reply(RecordedRequest request) {
    String schema = request.responseSchemaName();
    if (schema == null) {
      return Reply.error(400, "invalid_request_error", "expected a json_schema response format");
    }
    return switch (schema) {
      case "document_classification" ->
          Reply.json("{\"category\":\"invoice\",\"confidence\":0.92,\"language\":\"en\"}")
              .withUsage(120, 12);
      case "document_fields" ->
          Reply.json(
                  "{\"fields\":[{\"name\":\"invoice_number\",\"value\":\"INV-2041\"},"
                      + "{\"name\":\"total_amount\",\"value\":\"1500.00\"}]}")
              .withUsage(130, 30);
      case "document_summary" ->
          Reply.json(
                  "{\"summary\":\"Invoice INV-2041 for consulting, 1,500.00 due.\","
                      + "\"key_points\":[\"Total 1,500.00\",\"Net 30\"]}")
              .withUsage(140, 25);
      default -> Reply.error(400, "invalid_request_error", "unknown schema " + schema);
    };
  }
}
