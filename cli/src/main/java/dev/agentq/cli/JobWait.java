package dev.agentq.cli;

import java.io.PrintStream;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Follows a job's events until its last one, printing each, and tells how the job ended. */
final class JobWait {
  private static final Set<String> FINAL_EVENTS =
      Set.of("job.succeeded", "job.failed", "job.cancelled");

  private JobWait() {}

  /**
   * Prints each event to {@code out} ({@code json}: the event's JSON, else a readable line) and
   * returns the job's final status: {@code succeeded}, {@code failed} or {@code cancelled}.
   */
  static String follow(
      Api api, String jobId, Deadline deadline, PrintStream out, PrintStream log, boolean json) {
    EventStream stream = new EventStream(api, "/v1/jobs/" + jobId + "/events", deadline, log);
    String[] ended = new String[1];
    boolean sawFinal =
        stream.follow(
            event -> {
              out.println(json ? event.data() : describe(event));
              if (FINAL_EVENTS.contains(event.type())) {
                ended[0] = event.type().substring("job.".length());
                return true;
              }
              return false;
            });
    if (sawFinal) {
      return ended[0];
    }
    // 204: every event was sent before; the status says how it ended
    JsonNode status = api.get("/v1/jobs/" + jobId + "/status");
    return status.path("status").asString("failed");
  }

  /** {@code <time> <type> <details>}, one line per event. */
  static String describe(EventStream.Event event) {
    try {
      JsonNode node = Json.parse(event.data());
      String time = node.path("created_at").asString("");
      JsonNode data = node.path("data");
      String details = data.isObject() && !data.isEmpty() ? " " + Json.compact(data) : "";
      return (time.isEmpty() ? "" : time + " ") + event.type() + details;
    } catch (RuntimeException notJson) {
      return event.type() + " " + event.data();
    }
  }
}
