package dev.agentq.worker.dispatch;

import dev.agentq.worker.trace.Tracing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.BatchMessageListener;

/** Kafka's side of dispatch: hands each polled batch to the {@link DispatchHandler}. */
public final class KafkaDispatchListener implements BatchMessageListener<String, byte[]> {
  private final DispatchHandler handler;
  private final Backpressure backpressure;

  public KafkaDispatchListener(DispatchHandler handler, Backpressure backpressure) {
    this.handler = handler;
    this.backpressure = backpressure;
  }

  @Override
  public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
    handler.handle(
        records.stream()
            .map(
                record ->
                    new Delivery(
                        record.key(),
                        record.value(),
                        record.topic() + "-" + record.partition() + "@" + record.offset(),
                        traceparent(record)))
            .toList());
    backpressure.evaluate();
  }

  private static String traceparent(ConsumerRecord<String, byte[]> record) {
    Header header = record.headers().lastHeader(Tracing.TRACEPARENT);
    return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
  }
}
