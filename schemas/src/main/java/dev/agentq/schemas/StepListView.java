package dev.agentq.schemas;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Answer of {@code GET /v1/jobs/{id}/steps}; mirrors {@code step-list.schema.json}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StepListView(
    String object, UUID jobId, List<StepView> data, Usage usage, long durationMs) {

  /** The steps with their tokens and time added up. */
  public static StepListView of(UUID jobId, List<StepView> steps) {
    Usage usage = steps.stream().map(StepView::usage).reduce(Usage.NONE, Usage::plus);
    long duration = steps.stream().mapToLong(StepView::durationMs).sum();
    return new StepListView("list", jobId, List.copyOf(steps), usage, duration);
  }
}
