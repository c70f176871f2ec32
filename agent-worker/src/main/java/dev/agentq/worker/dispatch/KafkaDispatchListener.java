package dev.agentq.worker.dispatch;

import dev.agentq.telemetry.Tracing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchAcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Kafka's side of dispatch: hands each polled batch to the {@link DispatchHandler}, but never more
 * records than its lane has room for. The records beyond that room are not acknowledged: Kafka
 * delivers them again once the lane, paused by the {@link Backpressure}, resumes.
 */
public final class KafkaDispatchListener
    implements BatchAcknowledgingMessageListener<String, byte[]> {
  /** How long a lane that took only part of a poll waits before it is offered the rest. */
  private static final Duration REST = Duration.ofMillis(100);

  private final DispatchHandler handler;
  private final Backpressure backpressure;
  private final IntSupplier room;
  // The consumer threads of one lane share this listener: one at a time measures the room left
  // and fills it, so that two of them never both take the same last places.
  private final ReentrantLock filling = new ReentrantLock();

  /**
   * @param room how many more jobs this lane may start now; a poll of more records than that is
   *     taken only in part
   */
  public KafkaDispatchListener(
      DispatchHandler handler, Backpressure backpressure, IntSupplier room) {
    this.handler = handler;
    this.backpressure = backpressure;
    this.room = room;
  }

  /** A listener for a lane bounded only by the {@link Backpressure}'s pause. */
  public KafkaDispatchListener(DispatchHandler handler, Backpressure backpressure) {
    this(handler, backpressure, () -> Integer.MAX_VALUE);
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records, Acknowledgment ack) {
    filling.lock();
    try {
      int taken = Math.min(records.size(), Math.max(0, room.getAsInt()));
      if (taken > 0) {
        handler.handle(
            records.subList(0, taken).stream().map(KafkaDispatchListener::delivery).toList());
      }
      if (taken == records.size()) {
        ack.acknowledge();
      } else {
        ack.nack(taken, REST);
      }
    } finally {
      filling.unlock();
    }
    backpressure.evaluate();
  }

  private static Delivery delivery(ConsumerRecord<String, byte[]> record) {
    return new Delivery(
        record.key(),
        record.value(),
        record.topic() + "-" + record.partition() + "@" + record.offset(),
        traceparent(record));
  }

  private static String traceparent(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(Tracing.TRACEPARENT);
    return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
  }
}
