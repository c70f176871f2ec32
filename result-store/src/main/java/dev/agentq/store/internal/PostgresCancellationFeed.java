package dev.agentq.store.internal;

import dev.agentq.store.CancellationFeed;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code LISTEN agentq_cancel} on one connection, on a virtual thread; reconnects with backoff if
 * the connection breaks (heartbeats still carry cancellations meanwhile).
 */
public final class PostgresCancellationFeed implements CancellationFeed {
  private static final Logger log = LoggerFactory.getLogger(PostgresCancellationFeed.class);
  private static final int POLL_MILLIS = 500;

  private final DataSource dataSource;
  private final Consumer<UUID> onCancel;
  private final Thread thread;
  private volatile boolean running = true;

  private PostgresCancellationFeed(DataSource dataSource, Consumer<UUID> onCancel) {
    this.dataSource = dataSource;
    this.onCancel = onCancel;
    this.thread = Thread.ofVirtual().name("agentq-cancellations").unstarted(this::loop);
  }

  public static PostgresCancellationFeed start(DataSource dataSource, Consumer<UUID> onCancel) {
    PostgresCancellationFeed feed = new PostgresCancellationFeed(dataSource, onCancel);
    feed.thread.start();
    return feed;
  }

  private void loop() {
    Duration backoff = Duration.ofMillis(200);
    while (running) {
      try (Connection connection = dataSource.getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute("LISTEN agentq_cancel");
        PGConnection postgres = connection.unwrap(PGConnection.class);
        backoff = Duration.ofMillis(200);
        while (running) {
          PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              deliver(notification.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (!running) {
          return;
        }
        log.warn(
            "lost the cancellation feed, will listen again in {} ms (heartbeats still carry"
                + " cancellations): {}",
            backoff.toMillis(),
            e.getMessage());
        if (!pause(backoff)) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0
                ? Duration.ofSeconds(10)
                : backoff.multipliedBy(2);
      }
    }
  }

  private void deliver(String payload) {
    try {
      onCancel.accept(UUID.fromString(payload));
    } catch (IllegalArgumentException e) {
      log.warn("ignored a cancellation notification that names no job id");
    }
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(Duration.ofMillis(POLL_MILLIS * 4L));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
