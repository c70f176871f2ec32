package dev.agentq.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The OpenTelemetry SDK of an app's tracing settings: OTLP over HTTP, or nothing at all. */
public final class OpenTelemetrySdks {
  private static final Logger log = LoggerFactory.getLogger(OpenTelemetrySdks.class);

  private OpenTelemetrySdks() {}

  /**
   * @param endpoint the OTLP/HTTP collector (its {@code /v1/traces} path is added when missing);
   *     null or blank: tracing off, {@link OpenTelemetry#noop()}
   */
  public static OpenTelemetry create(String endpoint, double sampleRatio, String serviceName) {
    if (endpoint == null || endpoint.isBlank()) {
      return OpenTelemetry.noop();
    }
    String traces = endpoint.endsWith("/v1/traces") ? endpoint : strip(endpoint) + "/v1/traces";
    log.info("tracing: spans of '{}' go to {} (OTLP/HTTP)", serviceName, traces);
    var exporter = OtlpHttpSpanExporter.builder().setEndpoint(traces).build();
    var tracerProvider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
            .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(sampleRatio)))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
    return OpenTelemetrySdk.builder()
        .setTracerProvider(tracerProvider)
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  private static String strip(String endpoint) {
    return endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
  }
}
