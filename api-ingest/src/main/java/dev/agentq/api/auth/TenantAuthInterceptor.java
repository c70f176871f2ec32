package dev.agentq.api.auth;

import dev.agentq.api.problem.Codes;
import dev.agentq.store.KeyHolder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Requires a tenant's API key on every {@code /v1} route but the admin API, and leaves the {@link
 * Caller} for the handler. A CORS preflight carries no key and passes.
 */
public final class TenantAuthInterceptor implements AsyncHandlerInterceptor {
  private final KeyCache keys;
  private final EffectiveLimits limits;

  public TenantAuthInterceptor(KeyCache keys, EffectiveLimits limits) {
    this.keys = keys;
    this.limits = limits;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (CorsUtils.isPreFlightRequest(request)) {
      return true;
    }
    String token = BearerToken.of(request);
    if (token == null) {
      throw Codes.missingApiKey();
    }
    if (!ApiKeys.presentable(token)) {
      throw Codes.invalidApiKey();
    }
    KeyHolder holder = keys.authenticate(ApiKeys.hash(token)).orElseThrow(Codes::invalidApiKey);
    Caller caller =
        new Caller(
            holder.tenant().id(),
            holder.key().id(),
            holder.key().prefix(),
            limits.rate(holder.tenant().limits()),
            limits.maxQueuedJobs(holder.tenant().limits()));
    request.setAttribute(Caller.ATTRIBUTE, caller);
    MDC.put("tenant", caller.tenantId());
    return true;
  }

  /** An event stream goes on elsewhere; this thread's next request is someone else's. */
  @Override
  public void afterConcurrentHandlingStarted(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    MDC.remove("tenant");
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    MDC.remove("tenant");
  }
}
