package dev.agentq.store;

import java.util.Set;
import java.util.UUID;

/**
 * What one heartbeat found.
 *
 * @param renewed jobs whose lease was extended; any other job asked about has been lost
 * @param cancelRequested those of {@code renewed} whose cancellation has been asked for
 */
public record Heartbeat(Set<UUID> renewed, Set<UUID> cancelRequested) {}
