package dev.agentq.worker.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenTelemetry tracing ({@code agentq.tracing.*}); off unless an endpoint is set.
 *
 * @param otlpEndpoint OTLP/HTTP collector to send spans to, such as {@code http://otel:4318}
 *     ({@code OTEL_EXPORTER_OTLP_ENDPOINT}); none: tracing off
 * @param sampleRatio share of new traces recorded; a trace continued from a caller follows the
 *     caller's choice
 */
@ConfigurationProperties("agentq.tracing")
public record TracingProperties(
    @DefaultValue("") String otlpEndpoint, @DefaultValue("1.0") double sampleRatio) {}
