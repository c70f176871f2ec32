package dev.agentq.api.problem;

import dev.agentq.schemas.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An error the API answers with: an HTTP status, a stable machine-readable {@code code}, words for
 * people, and headers the answer needs (such as {@code Retry-After}). Rendered as RFC 9457 {@code
 * application/problem+json} by {@link ProblemHandler}; {@link Codes} makes the ones agentq uses.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final HttpStatus status;
  private final String code;
  private final String title;
  private final transient List<Violation> violations;
  private final transient Map<String, String> headers = new LinkedHashMap<>();
  private final transient Map<String, Object> properties = new LinkedHashMap<>();

  public ApiProblem(HttpStatus status, String code, String title, String detail) {
    this(status, code, title, detail, List.of());
  }

  public ApiProblem(
      HttpStatus status, String code, String title, String detail, List<Violation> violations) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.title = title;
    this.violations = List.copyOf(violations);
  }

  public static ApiProblem jobNotFound(String id) {
    return Codes.jobNotFound(id);
  }

  /** Adds a header to the answer. */
  public ApiProblem withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Adds a member to the problem body, such as the lines a batch was refused for. */
  public ApiProblem withProperty(String name, Object value) {
    properties.put(name, value);
    return this;
  }

  public Map<String, Object> properties() {
    return java.util.Collections.unmodifiableMap(properties);
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

  public Map<String, String> headers() {
    return Map.copyOf(headers);
  }
}
