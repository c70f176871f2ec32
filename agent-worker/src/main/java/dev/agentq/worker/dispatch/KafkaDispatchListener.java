package dev.agentq.worker.dispatch;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
                        record.topic() + "-" + record.partition() + "@" + record.offset()))
            .toList());
    backpressure.evaluate();
  }
}
