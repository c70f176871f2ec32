package dev.agentq.schemas.schedule;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The {@code batch} template of a schedule: each run makes a batch of a directory's files.
 *
 * @param directory relative to the documents directory
 * @param pattern a glob the file name must match, or null for every file
 * @param onlyNew submit only files not submitted before with the same size and modification time
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BatchTemplate(String agent, String directory, String pattern, Boolean onlyNew) {
  public BatchTemplate {
    onlyNew = onlyNew == null ? Boolean.TRUE : onlyNew;
  }
}
