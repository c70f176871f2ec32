package dev.agentq.store.batches;

import dev.agentq.store.NewJob;

/** A valid line of an upload, and the job it makes. */
public record BatchLine(int line, String customId, NewJob job) {}
