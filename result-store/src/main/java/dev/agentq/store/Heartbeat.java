package dev.agentq.store;

import java.util.Set;
import java.util.UUID;

/**
 * What one heartbeat found.
 *
 * @param renewed jobs whose lease was extended
 * @param lost jobs no longer held: another attempt has them, or they ended; a job in neither set
 *     was busy writing and is renewed at the next beat
 * @param cancelRequested those of {@code renewed} whose cancellation has been asked for
 */
public record Heartbeat(Set<UUID> renewed, Set<UUID> lost, Set<UUID> cancelRequested) {}
