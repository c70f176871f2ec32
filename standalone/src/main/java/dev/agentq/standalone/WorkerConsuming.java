package dev.agentq.standalone;

import dev.agentq.api.health.Dependency;
import java.util.List;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * In one JVM, ready means jobs will run: the worker's consumer is running and holds partitions.
 * Until Kafka assigns them, a job submitted would only wait.
 */
final class WorkerConsuming implements Dependency {
  private final List<MessageListenerContainer> containers;

  /**
   * @param containers the worker's consumers, one per lane
   */
  WorkerConsuming(List<MessageListenerContainer> containers) {
    this.containers = List.copyOf(containers);
  }

  @Override
  public String name() {
    return "worker";
  }

  @Override
  public String problem() {
    for (MessageListenerContainer container : containers) {
      if (!container.isRunning()) {
        return "the worker is not consuming";
      }
      var assigned = container.getAssignedPartitions();
      if (assigned == null || assigned.isEmpty()) {
        return "waiting for Kafka to assign partitions";
      }
    }
    return null;
  }
}
