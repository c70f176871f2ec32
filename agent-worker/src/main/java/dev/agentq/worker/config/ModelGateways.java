package dev.agentq.worker.config;

import dev.agentq.worker.model.ChatModelGateway;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.model.ProviderHttpClientBuilder;
import dev.agentq.worker.model.RetryPolicy;
import dev.agentq.worker.model.RetryingModelGateway;
import dev.agentq.worker.model.Sleeper;
import dev.agentq.worker.model.offline.OfflineChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the model: an OpenAI-compatible endpoint when a key is set, else the offline model. */
final class ModelGateways {
  private static final Logger log = LoggerFactory.getLogger(ModelGateways.class);

  private ModelGateways() {}

  static ModelGateway create(ModelProperties model, Clock clock) {
    if (model.offline()) {
      log.warn(
          "No OPENAI_API_KEY is set: agentq runs its OFFLINE model '{}' (keyword classification,"
              + " pattern extraction, extractive summaries; no LLM, no network). Every result names"
              + " it in its 'model' field. Set OPENAI_API_KEY (and OPENAI_BASE_URL, AGENTQ_MODEL)"
              + " to use a real model.",
          OfflineChatModel.MODEL_NAME);
      return new ChatModelGateway(new OfflineChatModel(), OfflineChatModel.MODEL_NAME, true);
    }
    log.info("model: '{}' at {}", model.name(), model.baseUrl());
    OpenAiChatModel chat =
        OpenAiChatModel.builder()
            .httpClientBuilder(new ProviderHttpClientBuilder(clock))
            .baseUrl(model.baseUrl())
            .apiKey(model.apiKey())
            .modelName(model.name())
            .timeout(model.timeout())
            // agentq retries itself, with backoff and Retry-After, within the step's timeout
            .maxRetries(0)
            .strictJsonSchema(true)
            .supportedCapabilities(
                model.structuredOutputs()
                    ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    : Set.of())
            .build();
    return new RetryingModelGateway(
        new ChatModelGateway(chat, model.name(), model.structuredOutputs()),
        new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(20), model.maxRetries()),
        clock,
        Sleeper.REAL,
        RandomGenerator.getDefault());
  }
}
