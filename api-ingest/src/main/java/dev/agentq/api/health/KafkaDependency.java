package dev.agentq.api.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Kafka is up when the cluster describes itself within two seconds. */
public final class KafkaDependency implements Dependency, AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Admin admin;

  public KafkaDependency(Map<String, Object> adminConfig) {
    this.admin = Admin.create(adminConfig);
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public String problem() {
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
          .clusterId()
          .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (TimeoutException e) {
      return noAnswer();
    } catch (ExecutionException e) {
      // the answer goes to clients of /ready: plain words, no exception names
      return e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
          ? noAnswer()
          : "the brokers answered with an error";
    } catch (RuntimeException e) {
      return "the Kafka client failed";
    }
  }

  private static String noAnswer() {
    return "no answer from the brokers within " + TIMEOUT.toSeconds() + " s";
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
