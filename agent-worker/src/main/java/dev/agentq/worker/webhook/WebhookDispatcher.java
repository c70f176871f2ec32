package dev.agentq.worker.webhook;

import dev.agentq.store.webhook.AttemptOutcome;
import dev.agentq.store.webhook.DeliveryTask;
import dev.agentq.store.webhook.WebhookAttempt;
import dev.agentq.store.webhook.WebhookEndpoint;
import dev.agentq.store.webhook.WebhookStore;
import dev.agentq.telemetry.Tracing;
import dev.agentq.worker.metrics.WorkerMetrics;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhooks: claims due deliveries, sends each on a virtual thread of its own, and records
 * every attempt. At most {@code concurrency} sends run at once, and at most {@code perHost} to one
 * host, so a slow or dead receiver holds a few slots and never delays the others.
 */
public final class WebhookDispatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final Duration LEASE = Duration.ofSeconds(60);

  private final WebhookStore store;
  private final WebhookSender sender;
  private final DeliverySchedule schedule;
  private final WorkerMetrics metrics;
  private final Tracing tracing;
  private final Clock clock;
  private final String owner;
  private final Semaphore slots;
  private final int perHost;
  private final Duration pollInterval;
  private final Map<String, AtomicInteger> inFlightByHost = new ConcurrentHashMap<>();
  private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
  private final Thread loop;
  private volatile boolean running = true;

  /** Starts dispatching at once, on a virtual thread; {@link #close()} stops it. */
  public WebhookDispatcher(
      WebhookStore store,
      DeliverySettings settings,
      WorkerMetrics metrics,
      Clock clock,
      RandomGenerator random,
      String owner) {
    this(store, settings, metrics, clock, random, owner, Tracing.off());
  }

  /**
   * Starts dispatching as the other constructor does, with a span per attempt in the trace of the
   * job's submit.
   */
  public WebhookDispatcher(
      WebhookStore store,
      DeliverySettings settings,
      WorkerMetrics metrics,
      Clock clock,
      RandomGenerator random,
      String owner,
      Tracing tracing) {
    this.store = store;
    this.tracing = tracing;
    this.sender =
        new WebhookSender(settings.connectTimeout(), settings.timeout(), settings.policy(), clock);
    this.schedule = new DeliverySchedule(settings.schedule(), settings.disableAfter(), random);
    this.metrics = metrics;
    this.clock = clock;
    this.owner = owner;
    this.slots = new Semaphore(settings.concurrency());
    this.perHost = settings.perHost();
    this.pollInterval = settings.pollInterval();
    this.loop = Thread.ofVirtual().name("agentq-webhooks").start(this::run);
  }

  private void run() {
    while (running) {
      try {
        int free = slots.availablePermits();
        int claimed = 0;
        if (free > 0) {
          for (DeliveryTask task : store.claimDue(owner, LEASE, free)) {
            start(task);
            claimed++;
          }
        }
        if (claimed == 0) {
          Thread.sleep(pollInterval);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("webhook dispatcher pass failed, will try again: {}", e.getMessage());
        pause();
      }
    }
  }

  private void start(DeliveryTask task) throws InterruptedException {
    String host = host(task.delivery().url());
    AtomicInteger onHost = inFlightByHost.computeIfAbsent(host, h -> new AtomicInteger());
    if (onHost.incrementAndGet() > perHost) {
      onHost.decrementAndGet();
      // The host already has its share in flight: back to the queue, no attempt counted.
      Instant later = clock.instant().plusSeconds(1);
      store.recordAttempt(
          new WebhookAttempt(task.delivery().id(), clock.instant(), null, 0, null),
          new AttemptOutcome.Postponed(later));
      return;
    }
    slots.acquire();
    sends.execute(
        () -> {
          try {
            deliver(task);
          } catch (RuntimeException e) {
            log.warn("webhook {} could not be recorded: {}", task.delivery().id(), e.getMessage());
          } finally {
            onHost.decrementAndGet();
            slots.release();
          }
        });
  }

  private void deliver(DeliveryTask task) {
    var delivery = task.delivery();
    Span span =
        tracing
            .continueFrom(
                delivery.traceparent(), "webhook " + delivery.eventType(), SpanKind.CLIENT)
            .setAttribute("http.request.method", "POST")
            .setAttribute("server.address", host(delivery.url()))
            .setAttribute("agentq.webhook.id", delivery.id())
            .setAttribute("agentq.webhook.event", delivery.eventType())
            .setAttribute("agentq.webhook.attempt", delivery.attempts() + 1L)
            .setAttribute("agentq.tenant", delivery.tenantId())
            .startSpan();
    if (delivery.jobId() != null) {
      span.setAttribute("agentq.job.id", delivery.jobId().toString());
    }
    Scope scope = Tracing.enter(span);
    try {
      String outcome = attempt(task);
      span.setAttribute("agentq.webhook.outcome", outcome);
      if (!outcome.equals("delivered") && !outcome.equals("postponed")) {
        span.setStatus(StatusCode.ERROR, outcome);
      }
    } catch (RuntimeException e) {
      Tracing.failed(span, e, null);
      throw e;
    } finally {
      scope.close();
      span.end();
    }
  }

  /** One attempt, recorded; returns its outcome's name. */
  private String attempt(DeliveryTask task) {
    var delivery = task.delivery();
    Instant attemptedAt = clock.instant();
    SendResult result = sender.send(task);
    Instant failingSince =
        delivery.endpointId() == null
            ? null
            : store
                .endpoint(delivery.tenantId(), delivery.endpointId())
                .map(WebhookEndpoint::failingSince)
                .orElse(null);
    AttemptOutcome outcome = schedule.outcome(delivery, result, failingSince, clock.instant());
    store.recordAttempt(
        new WebhookAttempt(
            delivery.id(),
            attemptedAt,
            result.statusCode(),
            (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis()),
            result.error()),
        outcome);
    String outcomeName = outcomeName(outcome);
    metrics.webhookAttempt(delivery.eventType(), outcomeName);
    if (result.statusCode() != null) {
      Span.current().setAttribute("http.response.status_code", result.statusCode().longValue());
    }
    if (!(outcome instanceof AttemptOutcome.Delivered)) {
      log.warn(
          "webhook {} to {} not delivered ({}): {}",
          delivery.id(),
          host(delivery.url()),
          result.error(),
          describe(outcome));
    }
    return outcomeName;
  }

  private static String outcomeName(AttemptOutcome outcome) {
    return switch (outcome) {
      case AttemptOutcome.Delivered d -> "delivered";
      case AttemptOutcome.RetryAt r -> "retrying";
      case AttemptOutcome.Failed f -> "failed";
      case AttemptOutcome.DisableEndpoint d -> "endpoint_disabled";
      case AttemptOutcome.Postponed p -> "postponed";
    };
  }

  private static String describe(AttemptOutcome outcome) {
    return switch (outcome) {
      case AttemptOutcome.RetryAt retry -> "will retry at " + retry.at();
      case AttemptOutcome.DisableEndpoint disable -> "endpoint disabled: " + disable.reason();
      default -> "gave up";
    };
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? url : host;
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private void pause() {
    try {
      Thread.sleep(pollInterval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops claiming; sends in flight get a moment to finish and be recorded. */
  @Override
  public void close() {
    running = false;
    try {
      loop.join(pollInterval.multipliedBy(4).plusSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (loop.isAlive()) {
      loop.interrupt();
    }
    sends.shutdown();
    try {
      sends.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
