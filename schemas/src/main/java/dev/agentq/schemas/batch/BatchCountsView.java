package dev.agentq.schemas.batch;

/**
 * How a batch's jobs stand; {@code retry_wait} counts as queued.
 *
 * @param total jobs made from valid lines
 * @param invalid lines refused
 */
public record BatchCountsView(
    int total, int queued, int running, int succeeded, int failed, int cancelled, int invalid) {}
