package dev.agentq.api.problem;

import dev.agentq.schemas.Violation;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers with: an HTTP status, a stable machine-readable {@code code}, and words
 * for people. Rendered as RFC 9457 {@code application/problem+json} by {@link ProblemHandler}.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String code;
  private final String title;
  private final transient List<Violation> violations;

  public ApiProblem(HttpStatus status, String code, String title, String detail) {
    this(status, code, title, detail, List.of());
  }

  public ApiProblem(
      HttpStatus status, String code, String title, String detail, List<Violation> violations) {
    super(detail);
    this.status = status;
    this.code = code;
    this.title = title;
    this.violations = List.copyOf(violations);
  }

  public static ApiProblem jobNotFound(String id) {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "job_not_found",
        "Job not found",
        "There is no job with id " + id + ".");
  }

  public HttpStatus status() {
    return status;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  public List<Violation> violations() {
    return violations;
  }
}
