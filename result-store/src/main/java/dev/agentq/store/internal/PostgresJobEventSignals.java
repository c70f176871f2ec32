package dev.agentq.store.internal;

import dev.agentq.store.JobEventSignals;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobEventSignals} by {@code LISTEN agentq_job_events}: one connection per process, held by
 * one thread that fans notifications out to subscribers. A trigger on {@code job_events} notifies
 * with the ids of the jobs concerned, or {@code *} for all.
 */
public final class PostgresJobEventSignals implements JobEventSignals {
  static final String CHANNEL = "agentq_job_events";
  private static final Logger log = LoggerFactory.getLogger(PostgresJobEventSignals.class);
  private static final int WAIT_MILLIS = 500;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private final Map<UUID, Set<Runnable>> subscribers = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile boolean listening;

  public PostgresJobEventSignals(DataSource dataSource) {
    this.dataSource = dataSource;
    this.thread = Thread.ofPlatform().daemon().name("agentq-event-signals").start(this::loop);
  }

  @Override
  public Subscription subscribe(UUID jobId, Runnable onEvents) {
    subscribers.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(onEvents);
    return () ->
        subscribers.computeIfPresent(
            jobId, (id, set) -> set.remove(onEvents) && set.isEmpty() ? null : set);
  }

  private void loop() {
    Duration backoff = Duration.ofMillis(100);
    while (running) {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
        }
        listening = true;
        // Whatever happened while we were not listening: everyone reads again.
        signalAll();
        backoff = Duration.ofMillis(100);
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            for (PGNotification notification : notifications) {
              dispatch(notification.getParameter());
            }
          }
        }
      } catch (SQLException | RuntimeException e) {
        listening = false;
        if (!running) {
          return;
        }
        log.warn(
            "lost the event notification connection, will reconnect in {} ms: {}",
            backoff.toMillis(),
            e.getMessage());
        signalAll();
        if (!pause(backoff)) {
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  @Override
  public boolean listening() {
    return listening;
  }

  private void dispatch(String payload) {
    if (payload == null || payload.equals("*")) {
      signalAll();
      return;
    }
    for (String id : payload.split(",")) {
      try {
        signal(subscribers.get(UUID.fromString(id)));
      } catch (IllegalArgumentException e) {
        // not one of ours; nothing to wake
      }
    }
  }

  private void signalAll() {
    subscribers.values().forEach(PostgresJobEventSignals::signal);
  }

  private static void signal(Set<Runnable> listeners) {
    if (listeners != null) {
      listeners.forEach(Runnable::run);
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
      thread.join(Duration.ofMillis(WAIT_MILLIS * 4L));
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(Duration.ofSeconds(2));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
