package dev.agentq.worker.webhook;

import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import java.time.Duration;
import java.util.List;

/**
 * How the dispatcher delivers.
 *
 * @param schedule waits between attempts; after the last, the delivery fails
 * @param disableAfter an endpoint failing for this long without a success is disabled
 * @param policy which URLs may receive webhooks
 * @param concurrency sends one worker runs at once
 * @param perHost sends one worker runs to one host at once
 */
public record DeliverySettings(
    List<Duration> schedule,
    Duration disableAfter,
    WebhookUrlPolicy policy,
    int concurrency,
    int perHost,
    Duration connectTimeout,
    Duration timeout,
    Duration pollInterval) {}
