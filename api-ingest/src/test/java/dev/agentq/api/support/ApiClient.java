package dev.agentq.api.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Real HTTP to an API instance on a local port. */
public final class ApiClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  /** A safety net so that a hung server fails the test instead of stalling the build. */
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final int port;
  private final String key;

  /** A client of tenant {@code default}, with {@link Infra#API_KEY}. */
  public ApiClient(int port) {
    this(port, Infra.API_KEY);
  }

  /** A client sending {@code key} as its bearer token; none when null. */
  public ApiClient(int port, String key) {
    this.port = port;
    this.key = key;
  }

  /** The same API, with another key. */
  public ApiClient as(String otherKey) {
    return new ApiClient(port, otherKey);
  }

  /** The same API, with no key at all. */
  public ApiClient anonymous() {
    return new ApiClient(port, null);
  }

  /** The same API, with the admin key. */
  public ApiClient admin() {
    return new ApiClient(port, Infra.ADMIN_KEY);
  }

  public int port() {
    return port;
  }

  public ApiResponse get(String path) {
    return send(request(path).GET());
  }

  /** {@code POST} of a JSON text to {@code /v1/jobs}. */
  public ApiResponse submit(String json) {
    return post("/v1/jobs", "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  public ApiResponse post(String path, String contentType, byte[] body) {
    return send(
        request(path).header("Content-Type", contentType).POST(BodyPublishers.ofByteArray(body)));
  }

  /** Any method, with an optional content type; the body may be chunked (no length). */
  public ApiResponse send(String method, String path, String contentType, BodyPublisher body) {
    HttpRequest.Builder builder = request(path).method(method, body);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder);
  }

  public ApiResponse send(HttpRequest.Builder request) {
    try {
      var response = HTTP.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new ApiResponse(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT);
    if (key != null) {
      builder.header("Authorization", "Bearer " + key);
    }
    return builder;
  }

  /** {@code POST} of a JSON text with extra headers, name then value. */
  public ApiResponse postJson(String path, String json, String... headers) {
    HttpRequest.Builder builder =
        request(path)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /**
   * Sends {@code GET target} over a plain socket, byte for byte: for targets that {@link URI}
   * refuses, such as a broken percent escape. HTTP/1.0, so that the answer is never chunked.
   */
  public ApiResponse rawGet(String target) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.0\r\nHost: 127.0.0.1\r\nAccept: */*\r\n"
                  + (key == null ? "" : "Authorization: Bearer " + key + "\r\n")
                  + "\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiResponse parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    String head = end < 0 ? raw : raw.substring(0, end);
    String body = end < 0 ? "" : raw.substring(end + 4);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers
          .computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).trim());
    }
    return new ApiResponse(status, HttpHeaders.of(headers, (name, value) -> true), body);
  }
}
