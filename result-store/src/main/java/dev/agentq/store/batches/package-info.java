/**
 * Batches: many jobs submitted as one JSONL upload, stored chunk by chunk, counted, cancelled and
 * reported on together; a batch ends when its last job does, and says so once with {@code
 * batch.completed}.
 */
package dev.agentq.store.batches;
