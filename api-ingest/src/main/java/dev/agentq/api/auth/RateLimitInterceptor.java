package dev.agentq.api.auth;

import dev.agentq.api.problem.Codes;
import dev.agentq.store.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Takes a token from the caller's key's bucket for every request, and says where the bucket stands
 * in {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds
 * until it is full). Without a token: 429 with {@code Retry-After}.
 */
public final class RateLimitInterceptor implements HandlerInterceptor {
  private final TokenLeases limiter;

  public RateLimitInterceptor(TokenLeases limiter) {
    this.limiter = limiter;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
      return true;
    }
    RateLimiter.Decision decision = limiter.take(caller.keyId(), caller.rate());
    response.setHeader("RateLimit-Limit", Integer.toString(caller.rate().burst()));
    response.setHeader("RateLimit-Remaining", Long.toString((long) decision.remaining()));
    response.setHeader(
        "RateLimit-Reset", Long.toString(ceilSeconds(decision.untilFull().toMillis())));
    if (!decision.allowed()) {
      throw Codes.rateLimited(decision.retryAfter());
    }
    return true;
  }

  private static long ceilSeconds(long millis) {
    return (millis + 999) / 1000;
  }
}
