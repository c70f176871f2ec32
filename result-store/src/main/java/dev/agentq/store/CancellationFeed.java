package dev.agentq.store;

import dev.agentq.store.internal.PostgresCancellationFeed;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Tells a worker at once when the cancellation of a job is asked for, so that it can cut the job's
 * model call short instead of waiting for the next heartbeat.
 */
public interface CancellationFeed extends AutoCloseable {

  /** Starts listening; {@code onCancel} is called with each job id, on the listener's thread. */
  static CancellationFeed listen(DataSource dataSource, Consumer<UUID> onCancel) {
    return PostgresCancellationFeed.start(dataSource, onCancel);
  }

  @Override
  void close();
}
