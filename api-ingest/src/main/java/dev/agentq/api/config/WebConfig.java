package dev.agentq.api.config;

import dev.agentq.api.auth.AdminAuthInterceptor;
import dev.agentq.api.auth.CallerResolver;
import dev.agentq.api.auth.RateLimitInterceptor;
import dev.agentq.api.auth.TenantAuthInterceptor;
import java.util.List;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what: tenant keys and rate limits on {@code /v1}, the admin key on {@code
 * /v1/admin}, and browsers from the configured origins only.
 */
final class WebConfig implements WebMvcConfigurer {
  static final String[] EXPOSED_HEADERS = {
    "Location",
    "X-Request-Id",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
    "Idempotent-Replayed"
  };

  private final TenantAuthInterceptor tenantAuth;
  private final RateLimitInterceptor rateLimit;
  private final AdminAuthInterceptor adminAuth;
  private final HttpProperties http;

  WebConfig(
      TenantAuthInterceptor tenantAuth,
      RateLimitInterceptor rateLimit,
      AdminAuthInterceptor adminAuth,
      HttpProperties http) {
    this.tenantAuth = tenantAuth;
    this.rateLimit = rateLimit;
    this.adminAuth = adminAuth;
    this.http = http;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(adminAuth).addPathPatterns("/v1/admin", "/v1/admin/**");
    registry
        .addInterceptor(tenantAuth)
        .addPathPatterns("/v1/**")
        .excludePathPatterns("/v1/admin", "/v1/admin/**");
    registry
        .addInterceptor(rateLimit)
        .addPathPatterns("/v1/**")
        .excludePathPatterns("/v1/admin", "/v1/admin/**");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerResolver());
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    if (http.corsOrigins().isEmpty()) {
      return;
    }
    registry
        .addMapping("/v1/**")
        .allowedOrigins(http.corsOrigins().toArray(String[]::new))
        .allowedMethods("GET", "POST", "PATCH", "DELETE")
        .allowedHeaders(
            "Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id", "Last-Event-ID")
        .exposedHeaders(EXPOSED_HEADERS)
        .maxAge(600);
  }
}
