package dev.agentq.store;

import java.util.UUID;

/**
 * Tells this process when events of a job were stored, by any process writing to the same database.
 * A signal says only "look again": read the events themselves from {@link JobStore}.
 */
public interface JobEventSignals extends AutoCloseable {

  /**
   * Calls {@code onEvents} (on a thread of the signals', so it must not block) whenever events of
   * {@code jobId} may have been stored, until the subscription is closed. Signals may repeat or
   * come for events already read, and while the connection to the database is being restored
   * everyone is signalled at once.
   */
  Subscription subscribe(UUID jobId, Runnable onEvents);

  /** Whether signals flow now; while not, subscribers are signalled at once when they resume. */
  boolean listening();

  /** Stops listening. */
  @Override
  void close();

  /** Ends a subscription. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
