package dev.agentq.worker.step;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.worker.model.ModelGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The {@link JobContext} of one attempt. It replays the job's checkpoints in order, then runs and
 * records each new step with a write fenced by the attempt number.
 */
public final class DurableJobContext implements JobContext {
  private final Job job;
  private final List<Checkpoint> recorded;
  private final JobStore store;
  private final ModelGateway model;
  private final Clock clock;
  private final Supplier<StopReason> stopReason;

  private int nextSeq;
  private String currentStep;
  private String lastModel;

  /**
   * @param recorded the job's checkpoints, in step order
   * @param stopReason why the job must stop at the next step boundary, or null to go on
   */
  public DurableJobContext(
      Job job,
      List<Checkpoint> recorded,
      JobStore store,
      ModelGateway model,
      Clock clock,
      Supplier<StopReason> stopReason) {
    this.job = job;
    this.recorded = List.copyOf(recorded);
    this.store = store;
    this.model = model;
    this.clock = clock;
    this.stopReason = stopReason;
  }

  @Override
  public UUID jobId() {
    return job.id();
  }

  @Override
  public String tenant() {
    return job.tenantId();
  }

  @Override
  public int attempt() {
    return job.attempt();
  }

  @Override
  public JsonNode input() {
    return job.input();
  }

  /** The step running or last run, for error reports. */
  public String currentStep() {
    return currentStep;
  }

  /** The model of the latest step that called one, replayed or run; null if none did. */
  public String lastModel() {
    return lastModel;
  }

  @Override
  public <T> T step(String name, Class<T> type, StepBody<T> body) {
    int seq = nextSeq++;
    currentStep = name;
    if (seq < recorded.size()) {
      return replay(seq, name, type);
    }
    StopReason stop = stopReason.get();
    if (stop != null) {
      throw new JobInterruptedException(job.id(), stop);
    }
    Instant started = now();
    RecordingScope scope = new RecordingScope(model);
    T value = body.run(scope);
    JsonNode output = value == null ? NullNode.getInstance() : Json.toTree(value);
    Usage usage = scope.usage();
    store.recordStep(
        job.id(),
        job.attempt(),
        new Checkpoint(seq, name, job.attempt(), output, scope.model(), usage, started, now()));
    if (scope.model() != null) {
      lastModel = scope.model();
    }
    return value;
  }

  private <T> T replay(int seq, String name, Class<T> type) {
    Checkpoint checkpoint = recorded.get(seq);
    if (!checkpoint.name().equals(name)) {
      throw new NonDeterministicReplayException(job.id(), seq, checkpoint.name(), name);
    }
    if (checkpoint.model() != null) {
      lastModel = checkpoint.model();
    }
    return checkpoint.output().isNull() ? null : Json.convert(checkpoint.output(), type);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
