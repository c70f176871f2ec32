package dev.agentq.store.batches;

/**
 * The chunks of an upload, read as the store asks for them. A chunk source that throws aborts the
 * intake: nothing of the batch is kept.
 */
@FunctionalInterface
public interface BatchChunks {

  /** The next chunk, or null once the upload has been read. */
  BatchChunk next();
}
