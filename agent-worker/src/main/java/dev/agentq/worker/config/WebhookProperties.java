package dev.agentq.worker.config;

import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import dev.agentq.worker.webhook.DeliverySettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery ({@code agentq.webhooks.*}).
 *
 * @param schedule waits between attempts; after the last, the delivery fails
 * @param disableAfter an endpoint failing for this long without a success is disabled
 * @param allowHttp whether plain http URLs may receive webhooks (https only by default)
 * @param allowlist hosts or address prefixes (such as {@code 10.}) that may receive webhooks even
 *     though they are not public addresses
 * @param concurrency webhooks one worker sends at once
 * @param perHost webhooks one worker sends to one host at once
 * @param connectTimeout how long connecting to a receiver may take
 * @param timeout how long one attempt may take in all
 * @param pollInterval how often idle dispatchers look for due deliveries
 */
@ConfigurationProperties("agentq.webhooks")
public record WebhookProperties(
    @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h"}) List<Duration> schedule,
    @DefaultValue("5d") Duration disableAfter,
    @DefaultValue("false") boolean allowHttp,
    @DefaultValue({}) List<String> allowlist,
    @DefaultValue("256") int concurrency,
    @DefaultValue("8") int perHost,
    @DefaultValue("5s") Duration connectTimeout,
    @DefaultValue("15s") Duration timeout,
    @DefaultValue("500ms") Duration pollInterval) {

  /** The dispatcher's settings. */
  public DeliverySettings settings() {
    return new DeliverySettings(
        schedule,
        disableAfter,
        new WebhookUrlPolicy(allowHttp, allowlist),
        concurrency,
        perHost,
        connectTimeout,
        timeout,
        pollInterval);
  }
}
