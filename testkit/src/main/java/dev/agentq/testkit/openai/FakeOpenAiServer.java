package dev.agentq.testkit.openai;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on {@code 127.0.0.1} that speaks the OpenAI Chat Completions wire format, so
 * that an unmodified OpenAI client (such as LangChain4j's {@code OpenAiChatModel}) can be tested
 * against scripted answers.
 *
 * <pre>{@code
 * try (FakeOpenAiServer openAi = FakeOpenAiServer.start()) {
 *   openAi.enqueue(Reply.error(429, "rate_limit_exceeded", "slow down"), Reply.json("{\"n\":42}"));
 *   // ... point an OpenAI client at openAi.baseUrl() with any API key, call it twice, then:
 *   assertThat(openAi.lastRequest().responseSchemaName()).isEqualTo("Answer");
 * }
 * }</pre>
 *
 * <p>It answers {@code POST /v1/chat/completions} (plain JSON or, for {@code "stream": true},
 * Server-Sent Events) and {@code GET /v1/models}; requests need an {@code Authorization: Bearer}
 * header. Each chat request takes the next {@linkplain #enqueue queued reply}; when the queue is
 * empty the {@linkplain #respondWith responder} answers, and without one the request fails with
 * HTTP 500 (and an error in the log). Requests are served on virtual threads, and every method is
 * thread-safe.
 */
public final class FakeOpenAiServer implements AutoCloseable {

  private static final int BACKLOG = 4096;

  private final HttpServer server;
  private final ExecutorService executor;
  private final Queue<Reply> queue = new ConcurrentLinkedQueue<>();
  private final AtomicReference<Responder> responder = new AtomicReference<>();
  private final AtomicInteger calls = new AtomicInteger();
  private final List<RecordedRequest> recorded = new ArrayList<>(); // guarded by itself
  private volatile boolean recording = true;

  private FakeOpenAiServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a server on {@code 127.0.0.1} and a free port; {@linkplain #close() close} it after. */
  public static FakeOpenAiServer start() {
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), BACKLOG);
      FakeOpenAiServer fake = new FakeOpenAiServer(http, executor);
      http.createContext("/", new ApiHandler(fake));
      http.setExecutor(executor);
      http.start();
      return fake;
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("FakeOpenAiServer: cannot bind 127.0.0.1", e);
    }
  }

  /** The OpenAI base URL to configure clients with: {@code http://127.0.0.1:<port>/v1}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + "/v1";
  }

  /** The TCP port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Appends replies to the queue; each chat request consumes the oldest one. Returns this. */
  public FakeOpenAiServer enqueue(Reply... replies) {
    for (Reply reply : replies) {
      queue.add(reply);
    }
    return this;
  }

  /** Sets (or, given {@code null}, clears) the responder used when the queue is empty. */
  public FakeOpenAiServer respondWith(Responder responder) {
    this.responder.set(responder);
    return this;
  }

  /**
   * Whether chat requests are kept for {@link #requests()} and {@link #lastRequest()} (they are by
   * default). A benchmark sending hundreds of thousands of requests turns it off, so that the
   * server's memory stays flat; {@link #callCount()} counts either way. Returns this.
   */
  public FakeOpenAiServer recording(boolean on) {
    this.recording = on;
    return this;
  }

  /** How many {@code POST /v1/chat/completions} arrived, including those answered with errors. */
  public int callCount() {
    return calls.get();
  }

  /**
   * The chat requests received so far, in arrival order: a copy. Requests whose body is not a JSON
   * object (answered with HTTP 400) are counted by {@link #callCount()} but not recorded.
   */
  public List<RecordedRequest> requests() {
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  /** The most recent chat request; throws {@link IllegalStateException} if there is none yet. */
  public RecordedRequest lastRequest() {
    synchronized (recorded) {
      if (recorded.isEmpty()) {
        throw new IllegalStateException("FakeOpenAiServer: no request received yet");
      }
      return recorded.getLast();
    }
  }

  /** Forgets the queued replies, the responder, the recorded requests and the call count. */
  public void reset() {
    queue.clear();
    responder.set(null);
    synchronized (recorded) {
      recorded.clear();
      calls.set(0);
    }
  }

  /** Stops the server at once, aborting requests still in progress (such as delayed ones). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  int countCall() {
    return calls.incrementAndGet();
  }

  void record(RecordedRequest request) {
    if (!recording) {
      return;
    }
    synchronized (recorded) {
      recorded.add(request);
    }
  }

  /** The next queued reply, else the responder's, else {@code null}. */
  Reply nextReply(RecordedRequest request) {
    Reply next = queue.poll();
    Responder current = responder.get();
    return next != null || current == null ? next : current.reply(request);
  }
}
