package dev.agentq.api.event;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The event streams this instance serves, each on a virtual thread. At shutdown they are ended
 * first, before the web server waits for requests in flight: a client resumes its stream on another
 * instance with {@code Last-Event-ID} and loses nothing.
 */
public final class EventStreams implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(EventStreams.class);

  private final Set<EventStream> open = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("agentq-sse-", 0).factory());
  private volatile boolean running;

  void start(EventStream stream) {
    open.add(stream);
    threads.execute(
        () -> {
          try {
            stream.run();
          } finally {
            open.remove(stream);
          }
        });
  }

  /** How many streams are open now. */
  public int size() {
    return open.size();
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    if (!open.isEmpty()) {
      log.info(
          "ending {} event stream(s) for shutdown; clients resume them elsewhere", open.size());
    }
    open.forEach(EventStream::close);
    threads.shutdown();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown, which would otherwise wait for streams. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
