package dev.agentq.worker.config;

import dev.agentq.worker.metrics.ModelPrice;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The model provider ({@code agentq.model.*}; {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL} and
 * {@code AGENTQ_MODEL} set the first three).
 *
 * @param apiKey key of an OpenAI-compatible endpoint; without one the offline model is used
 * @param baseUrl the endpoint, such as {@code https://api.openai.com/v1}
 * @param name the model to ask for
 * @param timeout how long one model call may take
 * @param maxRetries retries of a call that failed in a way worth retrying (429, 5xx, timeouts,
 *     connection errors), with exponential backoff and jitter, honoring {@code Retry-After}, within
 *     the step's timeout
 * @param structuredOutputs whether the endpoint accepts JSON-schema response formats
 * @param prices price per model name, for the {@code agentq_cost_usd_total} metric, such as {@code
 *     agentq.model.prices.gpt-4o-mini.input-per-million=0.15}
 */
@ConfigurationProperties("agentq.model")
public record ModelProperties(
    @DefaultValue("") String apiKey,
    @DefaultValue("https://api.openai.com/v1") String baseUrl,
    @DefaultValue("gpt-4o-mini") String name,
    @DefaultValue("60s") Duration timeout,
    @DefaultValue("6") int maxRetries,
    @DefaultValue("true") boolean structuredOutputs,
    Map<String, ModelPrice> prices) {

  public ModelProperties {
    prices = prices == null ? Map.of() : Map.copyOf(prices);
  }

  /** True when no key is configured: agentq then runs its offline heuristic model. */
  public boolean offline() {
    return apiKey == null || apiKey.isBlank();
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "ModelProperties[baseUrl="
        + baseUrl
        + ", name="
        + name
        + ", apiKey="
        + (offline() ? "(none)" : "***")
        + "]";
  }
}
