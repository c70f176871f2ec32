package dev.agentq.api.trace;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.job.JobController;
import dev.agentq.telemetry.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * A server span per request, continuing the client's {@code traceparent} header if it sent one,
 * named after the route ({@code POST /v1/jobs}); its ids are in the log context while the request
 * is served. Never query strings, headers or bodies.
 */
public final class TracingFilter extends OncePerRequestFilter {
  private final Tracing tracing;

  public TracingFilter(Tracing tracing) {
    this.tracing = tracing;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Span span =
        tracing
            .continueFrom(
                request.getHeader(Tracing.TRACEPARENT), request.getMethod(), SpanKind.SERVER)
            .setAttribute("http.request.method", request.getMethod())
            .setAttribute("url.path", request.getRequestURI())
            .startSpan();
    Scope scope = Tracing.enter(span);
    try {
      chain.doFilter(request, response);
    } finally {
      scope.close();
      finish(span, request, response);
    }
  }

  private static void finish(Span span, HttpServletRequest request, HttpServletResponse response) {
    if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)
        instanceof String route) {
      span.updateName(request.getMethod() + " " + route);
      span.setAttribute("http.route", route);
    }
    int status = response.getStatus();
    span.setAttribute("http.response.status_code", status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
    }
    if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
      span.setAttribute("agentq.tenant", caller.tenantId());
    }
    if (request.getAttribute(JobController.JOB_ATTRIBUTE) instanceof String job) {
      span.setAttribute("agentq.job.id", job);
    }
    span.end();
  }
}
