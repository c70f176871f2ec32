package dev.agentq.api.support;

import dev.agentq.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Server-Sent Events stream over real HTTP, on a thread of its own, into a queue of events
 * and comments. {@link #close()} drops the connection, as a client that goes away would.
 */
public final class SseClient implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Object END = new Object();

  /** One event as received: its id, its event name and its data parsed as JSON. */
  public record Event(String id, String name, JsonNode data) {}

  private final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final Thread reader;

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    this.reader = Thread.ofVirtual().start(this::read);
  }

  /** Opens {@code path} with the client's key and, unless null, a {@code Last-Event-ID}. */
  public static SseClient open(ApiClient api, String path, String lastEventId) {
    HttpRequest.Builder request =
        api.request(path).timeout(Duration.ofMinutes(5)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      return new SseClient(HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public String header(String name) {
    return response.headers().firstValue(name).orElse(null);
  }

  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = new StringBuilder();
    try (Stream<String> lines = response.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            received.add(new Event(id, name, Json.parse(data.toString())));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith(":")) {
          received.add(line.substring(1).strip());
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (RuntimeException e) {
      // the connection was dropped
    } finally {
      received.add(END);
    }
  }

  /** The next event, skipping comments; null if the stream ended first. Fails after a minute. */
  public Event next() {
    while (true) {
      Object item = poll();
      if (item == END) {
        received.add(END);
        return null;
      }
      if (item instanceof Event event) {
        return event;
      }
    }
  }

  /** The next comment, skipping events; null if the stream ended first. */
  public String nextComment() {
    while (true) {
      Object item = poll();
      if (item == END) {
        received.add(END);
        return null;
      }
      if (item instanceof String comment) {
        return comment;
      }
    }
  }

  /** Every event until the server ends the stream. */
  public List<Event> untilEnd() {
    List<Event> events = new ArrayList<>();
    for (Event event = next(); event != null; event = next()) {
      events.add(event);
    }
    return events;
  }

  private Object poll() {
    try {
      Object item = received.poll(1, TimeUnit.MINUTES);
      if (item == null) {
        throw new AssertionError("nothing arrived on the event stream within a minute");
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    reader.interrupt();
    try {
      response.body().close();
    } catch (RuntimeException e) {
      // already closed
    }
  }
}
