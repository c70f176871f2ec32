package dev.agentq.api.event;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.job.TenantJobs;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestIds;
import dev.agentq.store.Job;
import dev.agentq.store.JobEventSignals;
import dev.agentq.store.JobStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /v1/jobs/{id}/events}: the job's events as Server-Sent Events, each with its id, and
 * resumed after {@code Last-Event-ID}. The stream ends after the job's final event; asked again
 * with nothing left to send, it answers 204, which tells an EventSource to stop reconnecting.
 */
@RestController
public class EventStreamController {
  private static final long RECONNECT_MILLIS = 2000;

  private final TenantJobs tenantJobs;
  private final JobStore jobs;
  private final JobEventSignals signals;
  private final EventStreams streams;
  private final Duration heartbeat;
  private final Duration maxDuration;

  public EventStreamController(
      TenantJobs tenantJobs,
      JobStore jobs,
      JobEventSignals signals,
      EventStreams streams,
      Duration heartbeat,
      Duration maxDuration) {
    this.tenantJobs = tenantJobs;
    this.jobs = jobs;
    this.signals = signals;
    this.streams = streams;
    this.heartbeat = heartbeat;
    this.maxDuration = maxDuration;
  }

  @ApiDoc(
      summary = "Stream a job's events",
      description =
          "Server-Sent Events: each event's data is a job-event, its id resumes the stream as"
              + " Last-Event-ID. The stream ends after the job's final event.",
      answers = {
        @ApiDoc.Answer(
            status = 200,
            description = "The stream",
            schema = "job-event",
            mediaType = "text/event-stream"),
        @ApiDoc.Answer(
            status = 204,
            description = "The job has ended and every event was sent",
            mediaType = "text/event-stream")
      },
      problems = {400, 404})
  @GetMapping(path = "/v1/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  ResponseEntity<SseEmitter> events(
      Caller caller,
      @PathVariable String id,
      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
      HttpServletRequest request)
      throws java.io.IOException {
    Job job = tenantJobs.find(caller, id);
    long after = parse(lastEventId);
    if (job.status().isFinal() && jobs.events(job.id(), after, 1).isEmpty()) {
      return ResponseEntity.noContent().build();
    }
    SseEmitter emitter = new SseEmitter(maxDuration.toMillis());
    emitter.send(SseEmitter.event().reconnectTime(RECONNECT_MILLIS).comment("job " + job.id()));
    streams.start(
        new EventStream(
            job.id(), after, jobs, signals, emitter, heartbeat, RequestIds.of(request)));
    return ResponseEntity.ok()
        .header("Cache-Control", "no-store")
        .header("X-Accel-Buffering", "no")
        .body(emitter);
  }

  private static long parse(String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return 0;
    }
    try {
      long id = Long.parseLong(lastEventId.strip());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw Codes.invalidHeader("Last-Event-ID", "the id of an event of this stream");
  }
}
