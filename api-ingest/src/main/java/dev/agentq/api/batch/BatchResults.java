package dev.agentq.api.batch;

import dev.agentq.schemas.JobState;
import dev.agentq.schemas.Json;
import dev.agentq.store.batches.BatchResult;
import dev.agentq.store.batches.BatchStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/** Writes a batch's results as JSONL, a page of jobs at a time, never the whole batch at once. */
final class BatchResults {
  static final int PAGE = 500;

  private BatchResults() {}

  static void write(BatchStore batches, UUID batchId, boolean errorsOnly, OutputStream out)
      throws IOException {
    int after = 0;
    while (true) {
      List<BatchResult> page = batches.results(batchId, after, PAGE, errorsOnly);
      for (BatchResult result : page) {
        out.write(Json.writeBytes(line(result)));
        out.write('\n');
      }
      out.flush();
      if (page.size() < PAGE) {
        return;
      }
      after = page.getLast().line();
    }
  }

  static ObjectNode line(BatchResult result) {
    ObjectNode line =
        Json.object()
            .put("custom_id", result.customId())
            .put("job_id", result.jobId().toString())
            .put("status", result.status().wire());
    if (result.status() == JobState.SUCCEEDED) {
      line.set("output", result.output());
    } else if (result.status() == JobState.FAILED || result.status() == JobState.CANCELLED) {
      ObjectNode error = Json.object();
      if (result.error() != null) {
        error.put("code", result.error().code()).put("message", result.error().message());
      } else {
        error.put("code", "cancelled").put("message", "the job was cancelled");
      }
      line.set("error", error);
    }
    return line;
  }
}
