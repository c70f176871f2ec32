package dev.agentq.worker.agent.digest;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Output of the {@code summarize} step. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Summary(String summary, List<String> keyPoints) {
  Summary {
    if (summary == null || summary.isBlank()) {
      throw new IllegalArgumentException("summary must not be empty");
    }
    keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
  }
}
