package dev.agentq.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Follows a job's Server-Sent Events: when the connection drops, or the server ends the stream
 * before the job's last event, it connects again with {@code Last-Event-ID}, so that no event is
 * lost or seen twice.
 */
final class EventStream {
  /** Connection attempts in a row that may fail before the API counts as unreachable. */
  static final int MAX_FAILURES = 10;

  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  /** One event: its id, its type ({@code event:}) and its data. */
  record Event(String id, String type, String data) {}

  private final Api api;
  private final String path;
  private final Deadline deadline;
  private final PrintStream log;
  private String lastEventId;

  EventStream(Api api, String path, Deadline deadline, PrintStream log) {
    this.api = api;
    this.path = path;
    this.deadline = deadline;
    this.log = log;
  }

  /** The id of the last event seen, sent as {@code Last-Event-ID} on reconnection. */
  String lastEventId() {
    return lastEventId;
  }

  /**
   * Hands each event to {@code handler} until it returns true (the last event), or the server
   * answers 204 (nothing more will come). Returns whether the handler ended it.
   */
  boolean follow(Predicate<Event> handler) {
    int failures = 0;
    while (true) {
      deadline.check("the job to end");
      Outcome outcome;
      try {
        outcome = readOnce(handler);
      } catch (UnreachableException | ApiException e) {
        if (e instanceof ApiException api && !api.transientFailure()) {
          throw e;
        }
        deadline.check("the job to end");
        failures++;
        if (failures >= MAX_FAILURES) {
          throw e;
        }
        log.println("agentq: " + e.getMessage() + "; connecting again (" + failures + ")");
        deadline.sleep(backoff(failures));
        continue;
      }
      switch (outcome) {
        case ENDED_BY_HANDLER -> {
          return true;
        }
        case NO_CONTENT -> {
          return false;
        }
        case PROGRESS -> failures = 0;
        case NOTHING -> {
          failures++;
          if (failures >= MAX_FAILURES) {
            throw new UnreachableException(
                "the event stream of " + path + " keeps ending without events", null);
          }
          deadline.sleep(backoff(failures));
        }
      }
    }
  }

  private enum Outcome {
    ENDED_BY_HANDLER,
    NO_CONTENT,
    PROGRESS,
    NOTHING
  }

  private Outcome readOnce(Predicate<Event> handler) {
    Map<String, String> headers =
        lastEventId == null
            ? Map.of("Accept", "text/event-stream")
            : Map.of("Accept", "text/event-stream", "Last-Event-ID", lastEventId);
    HttpResponse<InputStream> response =
        api.stream(path, headers, deadline.cap(Api.REQUEST_TIMEOUT));
    if (response.statusCode() == 204) {
      close(response.body());
      return Outcome.NO_CONTENT;
    }
    boolean progress = false;
    InputStream body = response.body();
    Runnable cancelTimer = deadline.closeAtExpiry(body);
    try (body) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
      Parser parser = new Parser();
      String line;
      while ((line = reader.readLine()) != null) {
        Event event = parser.accept(line);
        if (event == null) {
          continue;
        }
        if (event.id() != null) {
          lastEventId = event.id();
        }
        progress = true;
        if (handler.test(event)) {
          return Outcome.ENDED_BY_HANDLER;
        }
      }
    } catch (IOException e) {
      deadline.check("the job to end");
      log.println("agentq: the event stream was cut (" + describe(e) + "); resuming");
      return progress ? Outcome.PROGRESS : Outcome.NOTHING;
    } finally {
      cancelTimer.run();
    }
    return progress ? Outcome.PROGRESS : Outcome.NOTHING;
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void close(InputStream body) {
    try {
      body.close();
    } catch (IOException ignored) {
      // a 204 has no body worth keeping the connection for
    }
  }

  static Duration backoff(int failures) {
    long millis = FIRST_BACKOFF.toMillis() << Math.min(failures - 1, 10);
    return Duration.ofMillis(Math.min(millis, MAX_BACKOFF.toMillis()));
  }

  /** The text/event-stream format, line by line: an event ends at an empty line. */
  static final class Parser {
    private String id;
    private String type;
    private StringBuilder data;

    /** Takes one line; returns the event it completes, if any. */
    Event accept(String line) {
      if (line.isEmpty()) {
        if (data == null && type == null) {
          id = null;
          return null;
        }
        Event event =
            new Event(id, type == null ? "message" : type, data == null ? "" : data.toString());
        id = null;
        type = null;
        data = null;
        return event;
      }
      if (line.startsWith(":")) {
        return null;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "id" -> id = value;
        case "event" -> type = value;
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
        }
        default -> {
          // retry: and unknown fields are ignored, as EventSource does
        }
      }
      return null;
    }
  }
}
