package dev.agentq.standalone;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one), run in this JVM with
 * Apache Kafka's own server code. Its log lives in a directory of ours, so queued messages and
 * committed offsets survive a restart; the directory is formatted on first use only.
 */
final class EmbeddedKafka implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final KafkaRaftServer server;
  private final String bootstrap;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrap) {
    this.server = server;
    this.bootstrap = bootstrap;
  }

  static EmbeddedKafka start(Path directory) {
    try {
      Files.createDirectories(directory);
      int brokerPort = freePort();
      int controllerPort = freePort();
      KafkaConfig config = KafkaConfig.fromProps(properties(directory, brokerPort, controllerPort));
      if (!Files.exists(directory.resolve("meta.properties"))) {
        format(config, directory);
      }
      KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      String bootstrap = "127.0.0.1:" + brokerPort;
      awaitReady(bootstrap);
      return new EmbeddedKafka(server, bootstrap);
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare Kafka's directory " + directory, e);
    }
  }

  String bootstrapServers() {
    return bootstrap;
  }

  private static Properties properties(Path directory, int brokerPort, int controllerPort) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", directory.toString());
    props.put("num.partitions", "4");
    props.put("offsets.topic.replication.factor", "1");
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("group.initial.rebalance.delay.ms", "0");
    // After a crash the restarted node must wait out its old registration; keep that short.
    props.put("broker.session.timeout.ms", "3000");
    props.put("broker.heartbeat.interval.ms", "500");
    // One node on a laptop: fsync like Postgres does, so an acknowledged message is on disk.
    props.put("log.flush.interval.messages", "1");
    return props;
  }

  private static void format(KafkaConfig config, Path directory) {
    Formatter formatter = new Formatter();
    formatter.setClusterId(Uuid.randomUuid().toString());
    formatter.setNodeId(config.nodeId());
    formatter.setControllerListenerName("CONTROLLER");
    formatter.setMetadataLogDirectory(config.metadataLogDir());
    formatter.setDirectories(List.of(directory.toString()));
    formatter.setReleaseVersion(MetadataVersion.LATEST_PRODUCTION);
    formatter.setIgnoreFormatted(true);
    formatter.setPrintStream(new PrintStream(OutputStream.nullOutputStream()));
    try {
      formatter.run();
    } catch (Exception e) {
      throw new IllegalStateException("could not format Kafka's directory " + directory, e);
    }
  }

  private static void awaitReady(String bootstrap) {
    Instant deadline = Instant.now().plus(STARTUP);
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("embedded Kafka did not start within " + STARTUP, e);
          }
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }
}
