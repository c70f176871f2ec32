package dev.agentq.worker.dispatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pauses consumption while the worker is at capacity and resumes it once in-flight jobs fall to the
 * low-water mark, so that lag, not memory, grows under load (and the autoscaler sees it).
 */
public final class Backpressure {
  private static final Logger log = LoggerFactory.getLogger(Backpressure.class);

  private final int capacity;
  private final int lowWater;
  private volatile MessageListenerContainer container;

  public Backpressure(int capacity, int lowWater) {
    if (lowWater >= capacity) {
      throw new IllegalArgumentException("the low-water mark must be below the capacity");
    }
    this.capacity = capacity;
    this.lowWater = lowWater;
  }

  public void attach(MessageListenerContainer container) {
    this.container = container;
  }

  /** Looks at the number of jobs in flight and pauses or resumes consumption. */
  public void evaluate(int inflight) {
    MessageListenerContainer target = container;
    if (target == null) {
      return;
    }
    if (inflight >= capacity && !target.isPauseRequested()) {
      target.pause();
      log.info("at capacity ({} jobs in flight): pausing consumption", inflight);
    } else if (inflight <= lowWater && target.isPauseRequested()) {
      target.resume();
      log.info("down to {} jobs in flight: resuming consumption", inflight);
    }
  }
}
