package dev.agentq.worker.process;

import dev.agentq.testkit.process.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Worker JVMs started from the worker's runnable jar, all against one Kafka, one Postgres schema
 * and one fake model; each is named ({@code AGENTQ_WORKER_ID}), so leases tell who holds a job.
 */
final class WorkerProcesses implements AutoCloseable {
  private final Map<String, ChildJvm> workers = new HashMap<>();
  private final Map<String, String> env;
  private final Path logs;

  WorkerProcesses(String jdbcUrl, String bootstrap, String topicPrefix, String modelUrl)
      throws IOException {
    this.logs = Files.createTempDirectory("agentq-workers-");
    this.env =
        Map.ofEntries(
            Map.entry("AGENTQ_JDBC_URL", jdbcUrl),
            Map.entry("AGENTQ_KAFKA_BOOTSTRAP", bootstrap),
            Map.entry("AGENTQ_KAFKA_TOPICPREFIX", topicPrefix),
            Map.entry("OPENAI_API_KEY", "sk-test-processes"),
            Map.entry("OPENAI_BASE_URL", modelUrl),
            Map.entry("AGENTQ_MODEL", "gpt-4o-mini"),
            Map.entry("AGENTQ_WORKER_LEASE", "3s"),
            Map.entry("AGENTQ_WORKER_HEARTBEAT", "1s"),
            Map.entry("AGENTQ_WORKER_REAPERINTERVAL", "500ms"),
            Map.entry("SERVER_PORT", "0"),
            // a dead member's partitions move to the living after this session timeout
            Map.entry(
                "SPRING_APPLICATION_JSON",
                "{\"spring.kafka.consumer.properties.session.timeout.ms\":\"6000\","
                    + "\"spring.kafka.consumer.properties.heartbeat.interval.ms\":\"1000\"}"));
  }

  ChildJvm start(String name) {
    Map<String, String> own = new HashMap<>(env);
    own.put("AGENTQ_WORKER_ID", name);
    ChildJvm worker =
        ChildJvm.startJar(jar(), List.of("-Xmx256m"), own, logs.resolve(name + ".log"));
    workers.put(name, worker);
    return worker;
  }

  ChildJvm get(String name) {
    return workers.get(name);
  }

  String logs() {
    StringBuilder all = new StringBuilder();
    workers.forEach(
        (name, worker) -> all.append("=== ").append(name).append('\n').append(worker.log()));
    return all.toString();
  }

  private static Path jar() {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "*-exec.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no worker jar in target/: run ./mvnw verify");
  }

  @Override
  public void close() {
    workers.values().forEach(ChildJvm::kill9);
  }
}
