package dev.agentq.api.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * HTTP settings of the API ({@code agentq.http.*}).
 *
 * @param corsOrigins browser origins allowed to call the API, such as {@code
 *     https://app.example.com}; none by default
 * @param eventHeartbeat how often an idle event stream sends a comment, so proxies keep it open
 * @param eventStreamMax how long one event stream stays open; the client then resumes it
 */
@ConfigurationProperties("agentq.http")
public record HttpProperties(
    @DefaultValue("") List<String> corsOrigins,
    @DefaultValue("15s") Duration eventHeartbeat,
    @DefaultValue("30m") Duration eventStreamMax) {

  public HttpProperties {
    corsOrigins = corsOrigins.stream().filter(origin -> !origin.isBlank()).toList();
  }
}
