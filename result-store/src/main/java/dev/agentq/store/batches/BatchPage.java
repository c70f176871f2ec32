package dev.agentq.store.batches;

import java.util.List;

/** A page of batches, newest first; {@code hasMore} if older ones follow. */
public record BatchPage(List<Batch> batches, boolean hasMore) {}
