package dev.agentq.worker.dispatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses consumption when the worker is full and resumes it once there is room again, so that lag,
 * not memory, grows under load (and the autoscaler sees it). Each lane has its own gate: the batch
 * lane stops well before the worker is full, so that interactive jobs always find room.
 */
public final class Backpressure {
  private static final Logger log = LoggerFactory.getLogger(Backpressure.class);

  private final List<Gate> gates = new CopyOnWriteArrayList<>();

  /** One lane's consumer, when to pause it, and when to let it go on. */
  private record Gate(
      String lane,
      MessageListenerContainer container,
      BooleanSupplier full,
      BooleanSupplier roomAgain) {}

  /**
   * @param full true when this lane must stop taking jobs
   * @param roomAgain true when a paused lane may take jobs again (a lower mark, so it does not
   *     flap)
   */
  public void attach(
      String lane,
      MessageListenerContainer container,
      BooleanSupplier full,
      BooleanSupplier roomAgain) {
    gates.add(new Gate(lane, container, full, roomAgain));
  }

  /** Looks at the jobs in flight and pauses or resumes each lane. */
  public void evaluate() {
    for (Gate gate : gates) {
      if (!gate.container().isPauseRequested() && gate.full().getAsBoolean()) {
        gate.container().pause();
        log.info("{} lane full: pausing its consumption", gate.lane());
      } else if (gate.container().isPauseRequested() && gate.roomAgain().getAsBoolean()) {
        gate.container().resume();
        log.info("{} lane has room again: resuming its consumption", gate.lane());
      }
    }
  }
}
