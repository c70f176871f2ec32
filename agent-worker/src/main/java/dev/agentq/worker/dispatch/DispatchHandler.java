package dev.agentq.worker.dispatch;

import dev.agentq.schemas.ContractException;
import dev.agentq.schemas.DispatchMessage;
import dev.agentq.schemas.Json;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.store.OutboxStore;
import dev.agentq.worker.metrics.WorkerMetrics;
import dev.agentq.worker.run.WorkerPool;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a batch of dispatch messages into running jobs: claims them all in one statement and starts
 * those it won. When this returns, the claims are durable and the messages may be acknowledged;
 * from then on the lease, not the queue, owns each job. A message that cannot be read, or names no
 * job, becomes a dead letter and never blocks the queue.
 */
public final class DispatchHandler {
  private static final Logger log = LoggerFactory.getLogger(DispatchHandler.class);

  private final JobStore jobs;
  private final OutboxStore outbox;
  private final WorkerPool pool;
  private final String owner;
  private final Duration lease;
  private final WorkerMetrics metrics;

  public DispatchHandler(
      JobStore jobs,
      OutboxStore outbox,
      WorkerPool pool,
      String owner,
      Duration lease,
      WorkerMetrics metrics) {
    this.jobs = jobs;
    this.outbox = outbox;
    this.pool = pool;
    this.owner = owner;
    this.lease = lease;
    this.metrics = metrics;
  }

  public void handle(List<Delivery> deliveries) {
    Map<UUID, Delivery> wanted = new LinkedHashMap<>();
    Map<UUID, String> requestIds = new HashMap<>();
    Map<UUID, String> traceparents = new HashMap<>();
    for (Delivery delivery : deliveries) {
      try {
        DispatchMessage message = DispatchMessage.decode(delivery.value());
        wanted.putIfAbsent(message.jobId(), delivery);
        if (message.requestId() != null) {
          requestIds.putIfAbsent(message.jobId(), message.requestId());
        }
        // the relay's span (header) if it had one, else the submitting request's
        String traceparent =
            delivery.traceparent() != null ? delivery.traceparent() : message.traceparent();
        if (traceparent != null) {
          traceparents.putIfAbsent(message.jobId(), traceparent);
        }
      } catch (ContractException e) {
        deadLetter(delivery, "unreadable", "unreadable dispatch message: " + e.getMessage());
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    List<Job> claimed = jobs.claim(wanted.keySet(), owner, lease);
    claimed.forEach(job -> pool.start(job, requestIds.get(job.id()), traceparents.get(job.id())));

    Set<UUID> unclaimed = new HashSet<>(wanted.keySet());
    claimed.forEach(job -> unclaimed.remove(job.id()));
    if (!unclaimed.isEmpty()) {
      // Most are duplicates of jobs already running or done; only a job id we never stored is
      // poison.
      unclaimed.removeAll(jobs.existing(unclaimed));
      unclaimed.forEach(id -> deadLetter(wanted.get(id), "unknown_job", "no job has id " + id));
    }
  }

  private void deadLetter(Delivery delivery, String kind, String reason) {
    metrics.deadLetter(kind);
    var letter = Json.object();
    letter.put("reason", reason);
    letter.put("origin", delivery.origin());
    letter.put("key", delivery.key());
    letter.put(
        "value_base64",
        delivery.value() == null ? null : Base64.getEncoder().encodeToString(delivery.value()));
    outbox.deadLetter(delivery.key() == null ? "unknown" : delivery.key(), letter);
    log.warn("dead-lettered the message at {}: {}", delivery.origin(), reason);
  }
}
