package dev.agentq.api.event;

import dev.agentq.schemas.JobEventView;
import dev.agentq.schemas.Json;
import dev.agentq.store.Job;
import dev.agentq.store.JobEvent;
import dev.agentq.store.JobEventSignals;
import dev.agentq.store.JobStore;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's stream of one job's events, run on a virtual thread of its own: everything after the
 * client's last event id, then each new event as it is stored, until the job has ended and its last
 * event is sent. Between events it waits for a signal, and sends a comment every heartbeat so that
 * proxies keep the connection and a dead client is noticed.
 */
final class EventStream {
  private static final int PAGE = 500;

  private final UUID jobId;
  private final JobStore jobs;
  private final JobEventSignals signals;
  private final SseEmitter emitter;
  private final Duration heartbeat;
  private final String requestId;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean open = true;
  private long lastId;

  EventStream(
      UUID jobId,
      long lastId,
      JobStore jobs,
      JobEventSignals signals,
      SseEmitter emitter,
      Duration heartbeat,
      String requestId) {
    this.jobId = jobId;
    this.lastId = lastId;
    this.jobs = jobs;
    this.signals = signals;
    this.emitter = emitter;
    this.heartbeat = heartbeat;
    this.requestId = requestId;
    emitter.onCompletion(this::stop);
    emitter.onTimeout(this::close);
    emitter.onError(error -> stop());
  }

  void run() {
    if (requestId != null) {
      MDC.put("request_id", requestId);
    }
    JobEventSignals.Subscription subscription = signals.subscribe(jobId, wake::release);
    try {
      while (open) {
        if (sendNew()) {
          emitter.complete();
          return;
        }
        if (!wake.tryAcquire(heartbeat.toMillis(), TimeUnit.MILLISECONDS) && open) {
          emitter.send(SseEmitter.event().comment("heartbeat"));
        }
        wake.drainPermits();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away, or the stream was completed under us
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      emitter.complete();
    } finally {
      subscription.close();
      MDC.remove("request_id");
    }
  }

  /** Sends what is new; true once the job has ended and its last event is sent. */
  private boolean sendNew() throws IOException {
    while (true) {
      // status first: a job seen ended has its final event stored already
      boolean ended = jobs.find(jobId).map(Job::status).map(s -> s.isFinal()).orElse(true);
      List<JobEvent> events = jobs.events(jobId, lastId, PAGE);
      for (JobEvent event : events) {
        emitter.send(
            SseEmitter.event()
                .id(Long.toString(event.id()))
                .name(event.type())
                .data(Json.write(view(event))));
        lastId = event.id();
      }
      if (events.size() < PAGE) {
        return ended;
      }
    }
  }

  private static JobEventView view(JobEvent event) {
    return new JobEventView(
        event.id(), event.jobId(), event.type(), event.data(), event.createdAt());
  }

  /** Ends the stream from outside: shutdown, timeout, a client gone. */
  void stop() {
    open = false;
    wake.release();
  }

  void close() {
    stop();
    emitter.complete();
  }
}
