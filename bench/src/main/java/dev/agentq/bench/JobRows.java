package dev.agentq.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** What agentq's {@code jobs} and {@code job_steps} tables say about a run, read directly. */
final class JobRows {
  private JobRows() {}

  /**
   * Jobs that have ended, by how.
   *
   * @param failed failed or cancelled
   */
  record Ended(long succeeded, long failed) {
    long total() {
      return succeeded + failed;
    }
  }

  static Ended ended(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row =
            statement.executeQuery(
                """
                SELECT count(*) FILTER (WHERE status = 'succeeded'),
                       count(*) FILTER (WHERE status IN ('failed', 'cancelled'))
                FROM jobs""")) {
      row.next();
      return new Ended(row.getLong(1), row.getLong(2));
    }
  }

  /** Polls until {@code total} jobs have ended; returns what had ended when it stopped. */
  static Ended awaitEnded(Database.Schema schema, long total, Duration timeout)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Connection connection = schema.connect()) {
      Ended ended = ended(connection);
      while (ended.total() < total && System.nanoTime() < deadline) {
        Thread.sleep(20);
        ended = ended(connection);
      }
      return ended;
    }
  }

  /**
   * The jobs of a run as stored.
   *
   * @param endToEndMs created_at to finished_at of each job that ended
   * @param queuedMs created_at to started_at (its first claim): the outbox relay, Kafka and the
   *     claim
   * @param runningMs started_at to finished_at: the three steps and the job's end
   * @param checkpointed succeeded with all three steps checkpointed
   * @param lastFinished the latest finished_at, or null
   */
  record Finished(
      List<Double> endToEndMs,
      List<Double> queuedMs,
      List<Double> runningMs,
      long succeeded,
      long checkpointed,
      long failed,
      Instant lastFinished) {}

  static Finished finished(Database.Schema schema, Collection<UUID> ids) throws SQLException {
    try (Connection connection = schema.connect();
        PreparedStatement query =
            connection.prepareStatement(
                """
                SELECT j.status, j.created_at, j.finished_at, j.started_at,
                       (SELECT count(*) FROM job_steps s WHERE s.job_id = j.id AND s.kind = 'step')
                FROM jobs j WHERE j.id = ANY (?)""")) {
      Array array = connection.createArrayOf("uuid", ids.toArray());
      query.setArray(1, array);
      List<Double> endToEnd = new ArrayList<>();
      List<Double> queued = new ArrayList<>();
      List<Double> running = new ArrayList<>();
      long succeeded = 0;
      long checkpointed = 0;
      long failed = 0;
      Instant last = null;
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String status = row.getString(1);
          OffsetDateTime created = row.getObject(2, OffsetDateTime.class);
          OffsetDateTime finished = row.getObject(3, OffsetDateTime.class);
          if (finished == null) {
            continue;
          }
          OffsetDateTime started = row.getObject(4, OffsetDateTime.class);
          endToEnd.add(millis(created, finished));
          if (started != null) {
            queued.add(millis(created, started));
            running.add(millis(started, finished));
          }
          last = last == null || finished.toInstant().isAfter(last) ? finished.toInstant() : last;
          if (status.equals("succeeded")) {
            succeeded++;
            if (row.getLong(5) == 3) {
              checkpointed++;
            }
          } else {
            failed++;
          }
        }
      }
      return new Finished(endToEnd, queued, running, succeeded, checkpointed, failed, last);
    }
  }

  private static double millis(OffsetDateTime from, OffsetDateTime to) {
    return Duration.between(from, to).toNanos() / 1e6;
  }
}
