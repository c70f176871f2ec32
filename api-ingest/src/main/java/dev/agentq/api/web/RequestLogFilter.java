package dev.agentq.api.web;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.job.JobController;
import dev.agentq.schemas.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id ({@code X-Request-Id}: the client's, or a new one), echoes
 * it, keeps it in the log context, and logs one JSON line per request: method, path, status,
 * duration, tenant, key prefix and job. Never headers, query strings or bodies.
 */
public final class RequestLogFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger("agentq.requests");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long started = System.nanoTime();
    String requestId = RequestIds.accept(request.getHeader(RequestIds.HEADER));
    request.setAttribute(RequestIds.ATTRIBUTE, requestId);
    response.setHeader(RequestIds.HEADER, requestId);
    MDC.put("request_id", requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      if (log.isInfoEnabled()) {
        log.info(line(request, response, requestId, started));
      }
      MDC.remove("request_id");
    }
  }

  private static String line(
      HttpServletRequest request, HttpServletResponse response, String requestId, long started) {
    var line = Json.object();
    line.put("request_id", requestId);
    line.put("method", request.getMethod());
    line.put("path", request.getRequestURI());
    line.put("status", response.getStatus());
    line.put("duration_ms", (System.nanoTime() - started) / 1_000_000.0);
    if (request.isAsyncStarted()) {
      line.put("streaming", true);
    }
    if (request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller) {
      line.put("tenant", caller.tenantId());
      line.put("key", caller.keyPrefix());
    }
    if (request.getAttribute(JobController.JOB_ATTRIBUTE) instanceof String job) {
      line.put("job_id", job);
    }
    line.put("remote", request.getRemoteAddr());
    return Json.write(line);
  }
}
