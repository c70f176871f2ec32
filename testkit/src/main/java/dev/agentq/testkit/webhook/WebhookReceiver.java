package dev.agentq.testkit.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server that receives webhooks, for tests: it records every request and answers as
 * scripted (status, delay, headers). It can be taken down and brought back on the same port, as a
 * receiver that is down for a while.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** How to answer one request. */
  public record Answer(int status, Duration delay, Map<String, String> headers) {
    public static Answer ok() {
      return new Answer(200, Duration.ZERO, Map.of());
    }

    public static Answer status(int status) {
      return new Answer(status, Duration.ZERO, Map.of());
    }

    public Answer withDelay(Duration delay) {
      return new Answer(status, delay, headers);
    }

    public Answer withHeader(String name, String value) {
      Map<String, String> all = new HashMap<>(headers);
      all.put(name, value);
      return new Answer(status, delay, Map.copyOf(all));
    }
  }

  private final int port;
  private final List<ReceivedWebhook> received = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger maxInFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Function<ReceivedWebhook, Answer> answers = request -> Answer.ok();
  private HttpServer server;
  private int bound;

  private WebhookReceiver(int port) {
    this.port = port;
  }

  /** Starts on a free port of 127.0.0.1. */
  public static WebhookReceiver start() {
    WebhookReceiver receiver = new WebhookReceiver(0);
    receiver.up();
    return receiver;
  }

  /** The URL of {@code path} on this receiver, such as {@code http://127.0.0.1:4711/hooks}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  public int port() {
    return server == null ? port : server.getAddress().getPort();
  }

  public WebhookReceiver answerWith(Function<ReceivedWebhook, Answer> answers) {
    this.answers = answers;
    return this;
  }

  /** Every request received so far, in order, answered or not yet. */
  public List<ReceivedWebhook> received() {
    return List.copyOf(received);
  }

  /** The most requests this receiver held open at once. */
  public int maxConcurrent() {
    return maxInFlight.get();
  }

  /** Takes the receiver down: connections are refused until {@link #up()}. */
  public synchronized void down() {
    if (server != null) {
      int was = server.getAddress().getPort();
      server.stop(0);
      server = null;
      bound = was;
    }
  }

  /** Brings the receiver (back) up, on the port it had. */
  public synchronized void up() {
    try {
      int on = bound != 0 ? bound : port;
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), on), 0);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext("/", this::handle);
      server.start();
      bound = server.getAddress().getPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      Map<String, String> headers = new HashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
      ReceivedWebhook request =
          new ReceivedWebhook(
              exchange.getRequestURI().getPath(),
              Map.copyOf(headers),
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              Instant.now());
      received.add(request);
      Answer answer = answers.apply(request);
      if (!answer.delay().isZero()) {
        Thread.sleep(answer.delay());
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
      exchange.sendResponseHeaders(answer.status(), -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public void close() {
    down();
  }
}
