package dev.agentq.schemas.batch;

import java.util.UUID;

/** Where to find a batch, its results and its jobs. */
public record BatchLinks(String self, String results, String jobs) {

  public static BatchLinks of(UUID batchId) {
    String self = "/v1/batches/" + batchId;
    return new BatchLinks(self, self + "/results", "/v1/jobs?batch=" + batchId);
  }
}
