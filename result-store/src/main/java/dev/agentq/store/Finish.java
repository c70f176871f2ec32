package dev.agentq.store;

import java.util.UUID;

/** An attempt's request to end its job as {@code outcome} says. */
public record Finish(UUID jobId, int attempt, Outcome outcome) {}
