package dev.agentq.store;

import java.util.UUID;

/** What became of a {@link Submission}. */
public sealed interface Submitted {

  /** The job was stored and queued. */
  record Accepted(Job job) implements Submitted {}

  /** The key was used before for the same request: this is that job, and nothing new was stored. */
  record Replayed(Job job) implements Submitted {}

  /** The key was used before for another request, which made {@code jobId}. */
  record KeyReused(UUID jobId) implements Submitted {}

  /** The tenant already has {@code limit} jobs waiting; nothing was stored. */
  record QueueFull(int limit) implements Submitted {}
}
