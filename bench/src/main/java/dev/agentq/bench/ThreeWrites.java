package dev.agentq.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The write pattern of "one commit per step per job": a job is three sequential single-row INSERTs,
 * each in a transaction of its own, each committed before the next. The Postgres reference and
 * JobRunr's jobs write exactly this.
 */
final class ThreeWrites {
  static final String TABLE =
      """
      CREATE TABLE bench_writes (
          id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          job_id     bigint      NOT NULL,
          step       integer     NOT NULL,
          payload    text        NOT NULL,
          written_at timestamptz NOT NULL DEFAULT now()
      )""";

  static final String INSERT = "INSERT INTO bench_writes (job_id, step, payload) VALUES (?, ?, ?)";

  /** About the size of a small step checkpoint. */
  private static final String PAYLOAD =
      "{\"category\":\"invoice\",\"confidence\":0.9,\"language\":\"en\",\"note\":\"bench\"}";

  private ThreeWrites() {}

  /** One committed single-row write, on a connection with auto-commit off. */
  static void write(Connection connection, PreparedStatement insert, long jobId, int step)
      throws SQLException {
    insert.setLong(1, jobId);
    insert.setInt(2, step);
    insert.setString(3, PAYLOAD);
    insert.executeUpdate();
    connection.commit();
  }

  /** A job's three committed writes, one after the other. */
  static void job(Connection connection, PreparedStatement insert, long jobId) throws SQLException {
    for (int step = 1; step <= 3; step++) {
      write(connection, insert, jobId, step);
    }
  }
}
