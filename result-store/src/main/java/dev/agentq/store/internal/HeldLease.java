package dev.agentq.store.internal;

import java.util.UUID;

/** One lease a heartbeat renewed, and whether its job's cancellation was asked for. */
record HeldLease(UUID id, boolean cancelRequested) {}
