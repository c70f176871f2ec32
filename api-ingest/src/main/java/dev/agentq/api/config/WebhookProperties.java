package dev.agentq.api.config;

import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where webhooks may go ({@code agentq.webhooks.*}): the same settings the workers' dispatcher
 * reads, so that a URL refused when sending is refused already when a job or an endpoint names it.
 *
 * @param allowHttp whether plain http URLs may receive webhooks (https only by default)
 * @param allowlist hosts or address prefixes (such as {@code 10.}) that may receive webhooks even
 *     though they are not public addresses
 */
@ConfigurationProperties("agentq.webhooks")
public record WebhookProperties(
    @DefaultValue("false") boolean allowHttp, @DefaultValue({}) List<String> allowlist) {

  public WebhookUrlPolicy policy() {
    return new WebhookUrlPolicy(allowHttp, allowlist);
  }
}
