package dev.agentq.api.problem;

import dev.agentq.schemas.ContractViolationException;
import dev.agentq.schemas.MalformedJsonException;
import dev.agentq.schemas.StorableText;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into {@code application/problem+json} with a stable {@code code}; never a stack
 * trace. Unexpected errors are logged with a reference that the answer repeats.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    ProblemDetail body =
        Problems.detail(
            problem.status(),
            problem.code(),
            problem.title(),
            problem.getMessage(),
            problem.violations());
    problem.properties().forEach(body::setProperty);
    HttpHeaders headers = new HttpHeaders();
    problem.headers().forEach(headers::set);
    return ResponseEntity.status(problem.status())
        .headers(headers)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  @ExceptionHandler(MalformedJsonException.class)
  ResponseEntity<ProblemDetail> malformedJson(MalformedJsonException e) {
    return Problems.response(
        Problems.detail(
            HttpStatus.BAD_REQUEST,
            "malformed_json",
            "Malformed JSON",
            "The request body is " + e.getMessage() + ".",
            List.of()));
  }

  @ExceptionHandler(ContractViolationException.class)
  ResponseEntity<ProblemDetail> invalidRequest(ContractViolationException e) {
    return Problems.response(
        Problems.detail(
            HttpStatus.BAD_REQUEST,
            "invalid_request",
            "Invalid request",
            e.schema().equals(StorableText.SCHEMA)
                ? "The request body holds text that cannot be stored: NUL or a lone surrogate."
                : "The request body does not match the " + e.schema() + " schema.",
            e.violations()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    String reference = UUID.randomUUID().toString();
    log.error("unexpected error, reference {}", reference, e);
    return Problems.response(
        Problems.detail(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal_error",
            "Internal error",
            "Something went wrong on our side; quote reference " + reference + " if you report it.",
            List.of()));
  }

  /** Errors Spring MVC raises itself (404, 405, 415, ...) get our shape and a code too. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail problem =
        body instanceof ProblemDetail detail
            ? detail
            : ex instanceof ErrorResponse response
                ? response.getBody()
                : ProblemDetail.forStatus(status);
    // Only POST /v1/batches takes multipart uploads.
    String code =
        ex instanceof org.springframework.web.multipart.MaxUploadSizeExceededException
            ? "batch_too_large"
            : Problems.codeOf(status);
    ProblemDetail shaped =
        Problems.detail(status, code, problem.getTitle(), problem.getDetail(), List.of());
    return ResponseEntity.status(status)
        .headers(headers)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(shaped);
  }
}
