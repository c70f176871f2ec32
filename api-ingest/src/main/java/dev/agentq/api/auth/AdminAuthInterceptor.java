package dev.agentq.api.auth;

import dev.agentq.api.problem.Codes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;

/** Requires the admin key on {@code /v1/admin}; a tenant's key is not enough. */
public final class AdminAuthInterceptor implements HandlerInterceptor {
  private final AdminKey adminKey;

  public AdminAuthInterceptor(AdminKey adminKey) {
    this.adminKey = adminKey;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (CorsUtils.isPreFlightRequest(request)) {
      return true;
    }
    if (!adminKey.enabled()) {
      throw Codes.adminDisabled();
    }
    String token = BearerToken.of(request);
    if (token == null) {
      throw Codes.missingApiKey();
    }
    if (!adminKey.matches(token)) {
      throw Codes.invalidAdminKey();
    }
    return true;
  }
}
