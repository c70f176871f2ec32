package dev.agentq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTest {
  @Test
  void eventsEndAtAnEmptyLineAndCommentsAreSkipped() {
    List<EventStream.Event> events =
        parse(
            ": heartbeat",
            "id: 7",
            "event: job.started",
            "data: {\"a\":1}",
            "",
            "",
            "id:8",
            "event:step.completed",
            "data: line one",
            "data: line two",
            "retry: 1000",
            "");
    assertThat(events)
        .containsExactly(
            new EventStream.Event("7", "job.started", "{\"a\":1}"),
            new EventStream.Event("8", "step.completed", "line one\nline two"));
  }

  @Test
  void anEventCutBeforeItsEmptyLineIsNotDelivered() {
    assertThat(parse("id: 9", "event: job.succeeded", "data: {}")).isEmpty();
  }

  @Test
  void backoffDoublesUpToFiveSeconds() {
    assertThat(EventStream.backoff(1).toMillis()).isEqualTo(250);
    assertThat(EventStream.backoff(2).toMillis()).isEqualTo(500);
    assertThat(EventStream.backoff(30).toMillis()).isEqualTo(5000);
  }

  @Test
  void eventsAreDescribedOnOneLine() {
    var event =
        new EventStream.Event(
            "3",
            "step.completed",
            "{\"id\":3,\"type\":\"step.completed\",\"created_at\":\"2026-11-27T03:00:00Z\","
                + "\"data\":{\"step\":\"classify\"}}");
    assertThat(JobWait.describe(event))
        .isEqualTo("2026-11-27T03:00:00Z step.completed {\"step\":\"classify\"}");
  }

  private static List<EventStream.Event> parse(String... lines) {
    var parser = new EventStream.Parser();
    List<EventStream.Event> events = new ArrayList<>();
    for (String line : lines) {
      var event = parser.accept(line);
      if (event != null) {
        events.add(event);
      }
    }
    return events;
  }
}
