package dev.agentq.worker.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Clock;
import java.time.Duration;

/** Builds {@link ProviderHttpClient}s for LangChain4j's model clients. */
public final class ProviderHttpClientBuilder implements HttpClientBuilder {
  private final Clock clock;
  private Duration connectTimeout = Duration.ofSeconds(10);
  private Duration readTimeout = Duration.ofSeconds(60);

  public ProviderHttpClientBuilder(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public ProviderHttpClientBuilder connectTimeout(Duration timeout) {
    if (timeout != null) {
      this.connectTimeout = timeout;
    }
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public ProviderHttpClientBuilder readTimeout(Duration timeout) {
    if (timeout != null) {
      this.readTimeout = timeout;
    }
    return this;
  }

  @Override
  public HttpClient build() {
    return new ProviderHttpClient(connectTimeout, readTimeout, clock);
  }
}
