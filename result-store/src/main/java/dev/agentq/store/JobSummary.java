package dev.agentq.store;

import dev.agentq.schemas.ErrorInfo;
import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Lane;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A job in a listing: where it stands, without its input or output. */
public record JobSummary(
    UUID id,
    String agent,
    Lane lane,
    JobState status,
    Map<String, String> metadata,
    int attempt,
    int maxAttempts,
    ErrorInfo error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  public JobQuery.Position position() {
    return new JobQuery.Position(createdAt, id);
  }
}
