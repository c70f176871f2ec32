package dev.agentq.worker.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * LangChain4j's HTTP client for model providers, on the JDK's client, that keeps what LangChain4j
 * drops: the {@code Retry-After} of a 429 or 503, carried by {@link ProviderHttpException}.
 * Streaming goes to LangChain4j's own JDK client.
 */
final class ProviderHttpClient implements HttpClient {
  private final java.net.http.HttpClient http;
  private final Duration readTimeout;
  private final JdkHttpClient streaming;
  private final Clock clock;

  ProviderHttpClient(Duration connectTimeout, Duration readTimeout, Clock clock) {
    this.http =
        java.net.http.HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
            .build();
    this.readTimeout = readTimeout;
    this.streaming =
        JdkHttpClient.builder().connectTimeout(connectTimeout).readTimeout(readTimeout).build();
    this.clock = clock;
  }

  @Override
  public SuccessfulHttpResponse execute(dev.langchain4j.http.client.HttpRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(request.url())).timeout(readTimeout);
    request
        .headers()
        .forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
    String body = request.body();
    builder.method(
        request.method().name(),
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response;
    try {
      response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ModelCallInterruptedException(e);
    }
    if (response.statusCode() < 200 || response.statusCode() >= 300) {
      throw new ProviderHttpException(
          response.statusCode(),
          response.body(),
          RetryAfter.parse(
              response.headers().firstValue("Retry-After").orElse(null), clock.instant()));
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(response.statusCode())
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  @Override
  public void execute(
      dev.langchain4j.http.client.HttpRequest request,
      ServerSentEventParser parser,
      ServerSentEventListener listener) {
    streaming.execute(request, parser, listener);
  }
}
