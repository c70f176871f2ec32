package dev.agentq.cli;

import dev.agentq.testkit.openai.RecordedRequest;
import dev.agentq.testkit.openai.Reply;
import dev.agentq.testkit.openai.Responder;
import java.time.Duration;

/**
 * The fake model's answers to the document digest's three structured requests; a document that says
 * {@code SLOW} gets each answer after {@link #SLOW}, so that a test can cancel its job while it
 * runs.
 */
final class DigestModel implements Responder {
  static final Duration SLOW = Duration.ofSeconds(30);

  @Override
  public Reply reply(RecordedRequest request) {
    Reply reply = answer(request.responseSchemaName());
    String prompt = request.lastUserMessage();
    return prompt != null && prompt.contains("SLOW") ? reply.withDelay(SLOW) : reply;
  }

  private static Reply answer(String schema) {
    if (schema == null) {
      return Reply.error(400, "invalid_request_error", "expected a json_schema response format");
    }
    return switch (schema) {
      case "document_classification" ->
          Reply.json("{\"category\":\"invoice\",\"confidence\":0.92,\"language\":\"en\"}")
              .withUsage(120, 12);
      case "document_fields" ->
          Reply.json("{\"fields\":[{\"name\":\"invoice_number\",\"value\":\"INV-2041\"}]}")
              .withUsage(130, 30);
      case "document_summary" ->
          Reply.json("{\"summary\":\"An invoice.\",\"key_points\":[\"Total due\"]}")
              .withUsage(140, 25);
      default -> Reply.error(400, "invalid_request_error", "unknown schema " + schema);
    };
  }
}
