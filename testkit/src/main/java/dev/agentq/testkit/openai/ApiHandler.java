package dev.agentq.testkit.openai;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/** Routes and answers the HTTP requests of one {@link FakeOpenAiServer}. */
final class ApiHandler implements HttpHandler {

  static final String CHAT_PATH = "/v1/chat/completions";
  static final String MODELS_PATH = "/v1/models";
  static final String BAD_REQUEST = "invalid_request_error";
  private static final Logger log = LoggerFactory.getLogger(FakeOpenAiServer.class);

  private final FakeOpenAiServer server;

  ApiHandler(FakeOpenAiServer server) {
    this.server = server;
  }

  @Override
  public void handle(HttpExchange exchange) {
    try {
      route(exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the server is closing: drop the exchange
    } catch (IOException e) {
      log.debug("FakeOpenAiServer: could not answer (client gone?): {}", e.toString());
    } catch (RuntimeException e) {
      log.error("FakeOpenAiServer: failed to answer {}", exchange.getRequestURI(), e);
      if (exchange.getResponseCode() == -1) {
        try {
          Http.sendError(exchange, 500, "FakeOpenAiServer: " + e, "server_error", "server_error");
        } catch (IOException | RuntimeException ignored) {
          // the exchange is closed below
        }
      }
    } finally {
      exchange.close(); // before any response was sent, this resets the connection
    }
  }

  private void route(HttpExchange exchange) throws IOException, InterruptedException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    if (method.equals("POST") && path.equals(CHAT_PATH)) {
      chat(exchange, method, path);
    } else if (method.equals("GET") && path.equals(MODELS_PATH) && Http.authorized(exchange)) {
      Http.sendJson(exchange, 200, Wire.models());
    } else if (method.equals("GET") && path.equals(MODELS_PATH)) {
      Http.unauthorized(exchange);
    } else {
      String message = "Unknown request URL: " + method + " " + path + ".";
      Http.sendError(exchange, 404, message, BAD_REQUEST, "unknown_url");
    }
  }

  private void chat(HttpExchange exchange, String method, String path)
      throws IOException, InterruptedException {
    int number = server.countCall();
    ObjectNode body = Wire.parseObject(exchange.getRequestBody().readAllBytes());
    RecordedRequest request =
        body == null ? null : new RecordedRequest(method, path, Http.headers(exchange), body);
    if (request != null) {
      server.record(request);
    }
    if (!Http.authorized(exchange)) {
      Http.unauthorized(exchange);
    } else if (request == null) {
      String message = "We could not parse the JSON body of your request.";
      Http.sendError(exchange, 400, message, BAD_REQUEST, null);
    } else {
      Reply reply = server.nextReply(request);
      if (reply == null) {
        String message = "FakeOpenAiServer: no scripted reply for request #" + number;
        log.error(
            "{} (model {}, last user message: {})",
            message,
            request.model(),
            request.lastUserMessage());
        Http.sendError(exchange, 500, message, "server_error", "server_error");
      } else {
        answer(exchange, request, reply, number);
      }
    }
  }

  private static void answer(HttpExchange exchange, RecordedRequest request, Reply reply, int n)
      throws IOException, InterruptedException {
    if (reply.delay.isPositive()) {
      Thread.sleep(reply.delay); // a virtual thread, holding no lock
    }
    if (reply.kind == Reply.Kind.DROP) {
      return; // handle() closes the exchange before any response: the connection is reset
    }
    reply.headers.forEach(exchange.getResponseHeaders()::set);
    if (reply.kind == Reply.Kind.ERROR) {
      Http.sendError(exchange, reply.status, reply.content, reply.errorType, reply.errorType);
      return;
    }
    String model = reply.model != null ? reply.model : request.model();
    Wire.Meta meta = new Wire.Meta("chatcmpl-" + n, Instant.now().getEpochSecond(), model);
    if (request.stream()) {
      SseWriter.write(exchange, meta, request, reply);
    } else {
      Http.sendJson(exchange, 200, Wire.completion(meta, request, reply));
    }
  }
}
