package dev.agentq.store.webhook;

import java.util.List;

/** A delivery claimed for sending, with the secrets that sign it. */
public record DeliveryTask(WebhookDelivery delivery, List<String> secrets) {}
