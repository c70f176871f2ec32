package dev.agentq.api.problem;

import dev.agentq.schemas.Violation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds problem+json bodies; the one place that knows their shape. */
public final class Problems {
  /** Documentation root of problem types; {@code type} is this plus the code. */
  static final String TYPE_ROOT = "https://agentq.dev/problems/";

  private Problems() {}

  public static ProblemDetail detail(
      HttpStatusCode status, String code, String title, String detail, List<Violation> violations) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_ROOT + code.replace('_', '-')));
    problem.setTitle(title);
    problem.setProperty("code", code);
    if (!violations.isEmpty()) {
      problem.setProperty(
          "errors",
          violations.stream()
              .map(v -> Map.of("pointer", v.pointer(), "message", v.message()))
              .toList());
    }
    return problem;
  }

  public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** The stable code of a status the framework answers on its own. */
  static String codeOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "bad_request";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 406 -> "not_acceptable";
      case 413 -> "payload_too_large";
      case 415 -> "unsupported_media_type";
      case 503 -> "unavailable";
      default -> status.is5xxServerError() ? "internal_error" : "bad_request";
    };
  }
}
