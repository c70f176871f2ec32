package dev.agentq.store.batches;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One job of a batch, as its results list it: output when it succeeded, error when it did not. */
public record BatchResult(
    int line, String customId, UUID jobId, JobState status, JsonNode output, ErrorInfo error) {}
