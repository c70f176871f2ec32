package dev.agentq.schemas.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A batch; mirrors {@code batch.schema.json}. The {@code batch.completed} webhook carries it
 * without {@code invalid_lines}.
 *
 * @param status validating, in_progress, completed, cancelling, cancelled or failed
 * @param estimatedCompletionAt when its jobs should all have ended at the rate they end so far;
 *     null before the first ends and once the batch has ended
 * @param invalidLines the first 1,000 lines refused, or null where left out
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchView(
    String object,
    UUID id,
    String status,
    BatchCountsView counts,
    Instant createdAt,
    Instant inProgressAt,
    Instant completedAt,
    Instant cancelledAt,
    Instant estimatedCompletionAt,
    Map<String, String> metadata,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<InvalidLineView> invalidLines,
    BatchLinks links) {

  public static final String SCHEMA = "batch";

  /** The same batch without its refused lines, as webhooks carry it. */
  public BatchView withoutInvalidLines() {
    return new BatchView(
        object,
        id,
        status,
        counts,
        createdAt,
        inProgressAt,
        completedAt,
        cancelledAt,
        estimatedCompletionAt,
        metadata,
        null,
        links);
  }
}
