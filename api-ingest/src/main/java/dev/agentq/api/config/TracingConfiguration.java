package dev.agentq.api.config;

import dev.agentq.api.trace.TracingFilter;
import dev.agentq.telemetry.OpenTelemetrySdks;
import dev.agentq.telemetry.Tracing;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** OpenTelemetry tracing of the API: off (no-op) unless {@code agentq.tracing.otlp-endpoint}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TracingProperties.class)
class TracingConfiguration {

  // The worker declares the same bean: in one JVM (standalone) both apps share one SDK, which
  // Spring closes (flushing spans) on shutdown.
  @Bean
  @ConditionalOnMissingBean
  OpenTelemetry openTelemetry(
      TracingProperties tracing,
      @Value("${spring.application.name:agentq-api}") String serviceName) {
    return OpenTelemetrySdks.create(tracing.otlpEndpoint(), tracing.sampleRatio(), serviceName);
  }

  // Shared with the worker in one JVM (standalone), as the SDK is.
  @Bean
  @ConditionalOnMissingBean
  Tracing tracing(OpenTelemetry openTelemetry) {
    return new Tracing(openTelemetry);
  }

  @Bean
  FilterRegistrationBean<TracingFilter> tracingFilter(Tracing tracing) {
    var registration = new FilterRegistrationBean<>(new TracingFilter(tracing));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
