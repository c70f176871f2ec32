package dev.agentq.worker.config;

import dev.agentq.worker.model.ChatModelGateway;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.model.offline.OfflineChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the model: an OpenAI-compatible endpoint when a key is set, else the offline model. */
final class ModelGateways {
  private static final Logger log = LoggerFactory.getLogger(ModelGateways.class);

  private ModelGateways() {}

  static ModelGateway create(ModelProperties model) {
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
            .baseUrl(model.baseUrl())
            .apiKey(model.apiKey())
            .modelName(model.name())
            .timeout(model.timeout())
            .maxRetries(model.maxRetries())
            .strictJsonSchema(true)
            .supportedCapabilities(
                model.structuredOutputs()
                    ? Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    : Set.of())
            .build();
    return new ChatModelGateway(chat, model.name(), model.structuredOutputs());
  }
}
