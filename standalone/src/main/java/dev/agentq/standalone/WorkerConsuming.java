package dev.agentq.standalone;

import dev.agentq.api.health.Dependency;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * In one JVM, ready means jobs will run: the worker's consumer is running and holds partitions.
 * Until Kafka assigns them, a job submitted would only wait.
 */
final class WorkerConsuming implements Dependency {
  private final MessageListenerContainer container;

  WorkerConsuming(MessageListenerContainer container) {
    this.container = container;
  }

  @Override
  public String name() {
    return "worker";
  }

  @Override
  public String problem() {
    if (!container.isRunning()) {
      return "the worker is not consuming";
    }
    var assigned = container.getAssignedPartitions();
    return assigned == null || assigned.isEmpty() ? "waiting for Kafka to assign partitions" : null;
  }
}
