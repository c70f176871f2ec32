package dev.agentq.api.schedule;

import dev.agentq.api.batch.BatchIntake;
import dev.agentq.api.batch.BatchOptions;
import dev.agentq.store.batches.BatchResult;
import dev.agentq.store.batches.BatchStore;
import java.io.Reader;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Batch schedules' runs made through the same intake as {@code POST /v1/batches}. */
public final class IntakeBatches implements BatchSubmitter {
  private static final int PAGE = 1_000;

  private final BatchIntake intake;
  private final BatchStore store;

  public IntakeBatches(BatchIntake intake, BatchStore store) {
    this.intake = intake;
    this.store = store;
  }

  @Override
  public UUID submit(String tenantId, Reader jsonl, Map<String, String> metadata) {
    return intake.submit(tenantId, jsonl, new BatchOptions(false, null, metadata)).id();
  }

  @Override
  public Optional<Made> find(String tenantId, Map<String, String> tags) {
    return store
        .findTagged(tenantId, tags)
        .map(batch -> new Made(batch.id(), customIds(batch.id())));
  }

  private Set<String> customIds(UUID batchId) {
    Set<String> ids = new HashSet<>();
    int after = 0;
    List<BatchResult> page;
    do {
      page = store.results(batchId, after, PAGE, false);
      for (BatchResult result : page) {
        ids.add(result.customId());
        after = result.line();
      }
    } while (page.size() == PAGE);
    return ids;
  }
}
