package dev.agentq.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer: no sniffing, no framing, no referrer, nothing cached (answers
 * carry tenants' data), and a content policy that lets the API load nothing. The interactive docs
 * get a policy that lets them run their own scripts and styles. HSTS once the request came over
 * TLS.
 */
public final class SecurityHeadersFilter extends OncePerRequestFilter {
  static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
  static final String DOCS_POLICY =
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
          + " script-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    boolean docs = path.startsWith("/docs") || path.startsWith("/swagger-ui");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("Content-Security-Policy", docs ? DOCS_POLICY : API_POLICY);
    response.setHeader("Cross-Origin-Resource-Policy", "same-site");
    if (!docs) {
      response.setHeader("Cache-Control", "no-store");
    }
    if (request.isSecure()) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    chain.doFilter(request, response);
  }
}
