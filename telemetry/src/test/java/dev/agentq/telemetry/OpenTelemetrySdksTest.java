package dev.agentq.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Tracing is off without an endpoint, and sends OTLP over HTTP (the JDK's client) with one. */
class OpenTelemetrySdksTest {

  @Test
  void withoutAnEndpointTracingIsOff() {
    assertThat(OpenTelemetrySdks.create("", 1.0, "agentq-worker")).isSameAs(OpenTelemetry.noop());
  }

  @Test
  void spansGoToTheCollectorAsOtlpOverHttp() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/",
        exchange -> {
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type"));
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    try {
      var sdk =
          (OpenTelemetrySdk)
              OpenTelemetrySdks.create(
                  "http://127.0.0.1:" + collector.getAddress().getPort() + "/",
                  1.0,
                  "agentq-worker");
      sdk.getTracer("test").spanBuilder("one").startSpan().end();
      sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);

      assertThat(received.poll(10, TimeUnit.SECONDS))
          .isEqualTo("POST /v1/traces application/x-protobuf");
      sdk.close();
    } finally {
      collector.stop(0);
    }
  }
}
