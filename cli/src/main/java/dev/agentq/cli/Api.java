package dev.agentq.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** The agentq HTTP API as the CLI uses it: JSON in and out, problems turned into exceptions. */
final class Api {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final String baseUrl;
  private final String key;

  private Api(HttpClient http, String baseUrl, String key) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.key = key;
  }

  static Api of(String baseUrl, String key) {
    String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    try {
      URI uri = new URI(trimmed);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw CliException.usage("the API URL must be http:// or https:// with a host: " + baseUrl);
      }
    } catch (URISyntaxException e) {
      throw CliException.usage("the API URL is malformed: " + baseUrl);
    }
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    return new Api(http, trimmed, key);
  }

  String baseUrl() {
    return baseUrl;
  }

  JsonNode get(String path) {
    return json(send(request(path).GET(), REQUEST_TIMEOUT));
  }

  JsonNode post(String path, JsonNode body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body)));
    headers.forEach(request::header);
    return json(send(request, REQUEST_TIMEOUT));
  }

  JsonNode postEmpty(String path) {
    return json(send(request(path).POST(HttpRequest.BodyPublishers.noBody()), REQUEST_TIMEOUT));
  }

  /** Posts a body read from {@code body} as it is sent, never held whole in memory. */
  JsonNode postStream(String path, String contentType, Supplier<InputStream> body) {
    HttpRequest.Builder request =
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofInputStream(body));
    // an upload of many files may take long: no overall timeout, the connect timeout holds
    return json(send(request, null));
  }

  /**
   * A streaming GET: the answer's status and headers once they arrive, its body as it comes. A
   * problem (4xx, 5xx) is thrown; 2xx answers, 204 included, are returned for the caller to read
   * and close.
   */
  HttpResponse<InputStream> stream(String path, Map<String, String> headers) {
    return stream(path, headers, REQUEST_TIMEOUT);
  }

  /** As {@link #stream(String, Map)}, waiting at most {@code timeout} for the answer to begin. */
  HttpResponse<InputStream> stream(String path, Map<String, String> headers, Duration timeout) {
    HttpRequest.Builder request = request(path).GET();
    headers.forEach(request::setHeader);
    HttpResponse<InputStream> response = exchange(request, timeout);
    if (response.statusCode() >= 300) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
      } catch (IOException e) {
        body = "";
      }
      throw new ApiException(Problem.of(response.statusCode(), body));
    }
    return response;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", "agentq-cli");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return request;
  }

  private String send(HttpRequest.Builder request, Duration timeout) {
    if (timeout != null) {
      request.timeout(timeout);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while waiting for the API", e);
    }
    if (response.statusCode() >= 300) {
      throw new ApiException(Problem.of(response.statusCode(), response.body()));
    }
    return response.body();
  }

  private HttpResponse<InputStream> exchange(HttpRequest.Builder request, Duration timeout) {
    try {
      return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnreachableException("interrupted while waiting for the API", e);
    }
  }

  private static JsonNode json(String body) {
    return body == null || body.isBlank() ? Json.object() : Json.parse(body);
  }

  UnreachableException unreachable(IOException e) {
    String why = e.getMessage();
    if (why == null || why.isBlank()) {
      why =
          switch (e) {
            case java.net.http.HttpConnectTimeoutException timeout -> "the connection timed out";
            case java.net.ConnectException refused -> "the connection was refused";
            default -> e.getClass().getSimpleName();
          };
    }
    return new UnreachableException("cannot reach the API at " + baseUrl + ": " + why, e);
  }
}
