package dev.agentq.worker.step;

import dev.agentq.schemas.Json;
import dev.agentq.schemas.Usage;
import dev.agentq.store.Checkpoint;
import dev.agentq.store.Job;
import dev.agentq.store.JobStore;
import dev.agentq.store.StepWrite;
import dev.agentq.worker.WorkerException;
import dev.agentq.worker.model.ModelCalls;
import dev.agentq.worker.model.ModelGateway;
import dev.agentq.worker.model.TokenEstimate;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * The {@link JobContext} of one attempt. Work is numbered in the order the agent asks for it; work
 * recorded under its number is replayed, anything else runs and is checkpointed with a write fenced
 * by the attempt number. A step's own model and tool calls follow its number, so a step cut short
 * replays the calls it had finished.
 */
public final class DurableJobContext implements JobContext {
  private final Job job;
  private final Map<Integer, Checkpoint> recorded;
  private final CheckpointWriter writer;
  private final JobStore store;
  private final ModelGateway model;
  private final Clock clock;
  private final StepLimits limits;
  private final JobControl control;
  private final Consumer<String> onToolRefused;
  private final WorkObserver observer;

  private int nextSeq;
  private OpenStep open;
  private String currentWork;
  private String lastModel;
  private Conversation conversation;
  private long tokensSpent;

  /** A step whose body is running: where its calls go and what they cost. */
  private static final class OpenStep {
    final int seq;
    final String name;
    final Instant deadline;
    long inputTokens;
    long outputTokens;
    String model;
    final List<CompletableFuture<Void>> pendingWrites = new ArrayList<>();

    OpenStep(int seq, String name, Instant deadline) {
      this.seq = seq;
      this.name = name;
      this.deadline = deadline;
    }
  }

  /**
   * @param recorded the job's checkpoints
   * @param control asked before each new piece of work whether the job must stop there
   * @param onToolRefused told the name of each tool call refused (undeclared or bad arguments)
   */
  public DurableJobContext(
      Job job,
      List<Checkpoint> recorded,
      CheckpointWriter writer,
      JobStore store,
      ModelGateway model,
      Clock clock,
      StepLimits limits,
      JobControl control,
      Consumer<String> onToolRefused) {
    this(
        job,
        recorded,
        writer,
        store,
        model,
        clock,
        limits,
        control,
        onToolRefused,
        WorkObserver.NONE);
  }

  /**
   * @param observer told of each piece of work that runs or is replayed, for traces and metrics
   */
  public DurableJobContext(
      Job job,
      List<Checkpoint> recorded,
      CheckpointWriter writer,
      JobStore store,
      ModelGateway model,
      Clock clock,
      StepLimits limits,
      JobControl control,
      Consumer<String> onToolRefused,
      WorkObserver observer) {
    this.job = job;
    this.recorded =
        recorded.stream().collect(Collectors.toMap(Checkpoint::seq, Function.identity()));
    this.writer = writer;
    this.store = store;
    this.model = model;
    this.clock = clock;
    this.limits = limits;
    this.control = control;
    this.onToolRefused = onToolRefused;
    this.observer = observer;
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

  @Override
  public Optional<String> threadId() {
    return Optional.ofNullable(job.threadId());
  }

  /** The step or call running or last run, for error reports. */
  public String currentStep() {
    return currentWork;
  }

  /** The model of the latest work that called one, replayed or run; null if none did. */
  public String lastModel() {
    return lastModel;
  }

  /** The conversation to save with the job's success, or null if the job did not touch one. */
  public JsonNode conversationToSave() {
    return conversation == null ? null : conversation.toJson();
  }

  @Override
  public <T> T step(String name, Class<T> type, StepBody<T> body) {
    if (open != null) {
      throw new IllegalStateException(
          "step '" + name + "' was started inside step '" + open.name + "': steps do not nest");
    }
    int seq = nextSeq++;
    currentWork = name;
    Checkpoint done = recorded.get(seq);
    if (done != null) {
      expect(done, seq, Checkpoint.Kind.STEP, name);
      nextSeq = done.endSeq() == null ? seq + 1 : done.endSeq();
      noteModel(done.model());
      tokensSpent += total(done.usage());
      observer.replayed(Checkpoint.Kind.STEP, name);
      return done.output().isNull() ? null : Json.convert(done.output(), type);
    }
    checkBoundary();
    WorkObserver.Observation observation = observer.started(Checkpoint.Kind.STEP, name);
    Throwable failure = null;
    try {
      return runStep(seq, name, body);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      observation.ended(failure);
    }
  }

  private <T> T runStep(int seq, String name, StepBody<T> body) {
    Instant started = now();
    OpenStep step =
        new OpenStep(seq, name, earliest(started.plus(limits.stepTimeout()), deadline()));
    open = step;
    T value;
    try {
      value = body.run(new Scope(this, limits));
    } finally {
      open = null;
      currentWork = name;
    }
    JsonNode output = value == null ? NullNode.getInstance() : Json.toTree(value);
    step.pendingWrites.add(
        writeLater(
            new Checkpoint(
                seq,
                name,
                Checkpoint.Kind.STEP,
                null,
                nextSeq,
                job.attempt(),
                output,
                step.model,
                new Usage(step.inputTokens, step.outputTokens),
                started,
                now())));
    // The step and its model calls usually go out in one group commit; the step returns once all
    // of them are committed.
    awaitAll(step.pendingWrites);
    return value;
  }

  @Override
  public ChatResponse chat(String name, ChatRequest request) {
    return modelCall(name, request);
  }

  @Override
  public long tokensLeft() {
    return Math.max(0, limits.tokenBudget() - tokensSpent);
  }

  @Override
  public Conversation conversation() {
    if (job.threadId() == null) {
      throw new IllegalStateException("job " + job.id() + " has no thread_id, so no conversation");
    }
    if (conversation == null) {
      JsonNode saved =
          step(
              "conversation",
              JsonNode.class,
              scope ->
                  store
                      .conversation(job.tenantId(), job.threadId())
                      .orElse(NullNode.getInstance()));
      conversation = new Conversation(job.threadId(), saved);
    }
    return conversation;
  }

  ChatResponse modelCall(String name, ChatRequest request) {
    Instant deadline =
        open != null ? open.deadline : earliest(now().plus(limits.stepTimeout()), deadline());
    JsonNode recordedCall =
        call(
            Checkpoint.Kind.MODEL,
            name,
            () -> {
              requireBudget(name, request);
              return ModelCalls.toJson(interruptibly(request, deadline));
            },
            output ->
                new Usage(
                    output.path("input_tokens").asLong(0), output.path("output_tokens").asLong(0)),
            output -> output.path("model").asString(model.modelName()));
    return ModelCalls.fromJson(recordedCall);
  }

  /** A call that would pass the budget on its input alone is not made. */
  private void requireBudget(String name, ChatRequest request) {
    long needed = TokenEstimate.of(request);
    if (needed > tokensLeft()) {
      throw new TokenBudgetExceededException(
          job.id(), name, needed, tokensLeft(), limits.tokenBudget());
    }
  }

  private ChatResponse interruptibly(ChatRequest request, Instant deadline) {
    control.enterModelCall();
    try {
      return model.chat(request, deadline);
    } finally {
      control.exitModelCall();
    }
  }

  JsonNode toolCall(String name, Supplier<JsonNode> work) {
    JsonNode outcome = call(Checkpoint.Kind.TOOL, name, work, output -> Usage.NONE, output -> null);
    if (outcome.path("refused").asBoolean(false)) {
      onToolRefused.accept(name);
    }
    return outcome;
  }

  /** Replays the call recorded at the next position, or makes it and records it. */
  private JsonNode call(
      Checkpoint.Kind kind,
      String name,
      Supplier<JsonNode> work,
      Function<JsonNode, Usage> usageOf,
      Function<JsonNode, String> modelOf) {
    int seq = nextSeq++;
    if (open == null) {
      currentWork = name;
    }
    Checkpoint done = recorded.get(seq);
    if (done != null) {
      expect(done, seq, kind, name);
      account(done.usage(), done.model());
      observer.replayed(kind, name);
      return done.output();
    }
    checkBoundary();
    Instant started = now();
    JsonNode output = observed(kind, name, work);
    Usage usage = usageOf.apply(output);
    String calledModel = modelOf.apply(output);
    if (kind == Checkpoint.Kind.MODEL) {
      observer.spent(calledModel, usage);
    }
    Checkpoint checkpoint =
        new Checkpoint(
            seq,
            name,
            kind,
            open == null ? null : open.seq,
            seq + 1,
            job.attempt(),
            output,
            calledModel,
            usage,
            started,
            now());
    if (open != null && kind == Checkpoint.Kind.MODEL) {
      // A model call has no effect outside: its checkpoint may be committed with the step's. A tool
      // call may have one, so the step waits for its checkpoint before going on.
      open.pendingWrites.add(writeLater(checkpoint));
    } else {
      write(checkpoint);
    }
    account(usage, calledModel);
    return output;
  }

  private JsonNode observed(Checkpoint.Kind kind, String name, Supplier<JsonNode> work) {
    WorkObserver.Observation observation = observer.started(kind, name);
    Throwable failure = null;
    try {
      return work.get();
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      observation.ended(failure);
    }
  }

  private void account(Usage usage, String calledModel) {
    noteModel(calledModel);
    tokensSpent += total(usage);
    if (open != null) {
      open.inputTokens += usage.inputTokens();
      open.outputTokens += usage.outputTokens();
      if (calledModel != null) {
        open.model = calledModel;
      }
    }
  }

  private static long total(Usage usage) {
    return usage == null ? 0 : usage.inputTokens() + usage.outputTokens();
  }

  private void noteModel(String calledModel) {
    if (calledModel != null) {
      lastModel = calledModel;
    }
  }

  private void expect(Checkpoint done, int seq, Checkpoint.Kind kind, String name) {
    if (done.kind() != kind || !done.name().equals(name)) {
      throw new NonDeterministicReplayException(
          job.id(),
          seq,
          done.kind().wire() + " '" + done.name() + "'",
          kind.wire() + " '" + name + "'");
    }
  }

  /** New work may start only while the job may go on and its deadline has not passed. */
  private void checkBoundary() {
    StopReason stop = control.stopReason();
    if (stop != null) {
      throw new JobInterruptedException(job.id(), stop);
    }
    if (now().isAfter(deadline())) {
      throw new WorkerException(
          "deadline_exceeded",
          "job "
              + job.id()
              + " passed its deadline of "
              + limits.jobTimeout().toSeconds()
              + " s after submission before '"
              + currentWork
              + "'",
          false);
    }
  }

  private void write(Checkpoint checkpoint) {
    writer.write(new StepWrite(job.id(), job.attempt(), checkpoint));
  }

  private CompletableFuture<Void> writeLater(Checkpoint checkpoint) {
    return writer.writeLater(new StepWrite(job.id(), job.attempt(), checkpoint));
  }

  /** Waits for every write; the first failure (a lost lease, say) is thrown. */
  private static void awaitAll(List<CompletableFuture<Void>> writes) {
    RuntimeException first = null;
    for (CompletableFuture<Void> write : writes) {
      try {
        write.join();
      } catch (CompletionException e) {
        if (first == null) {
          first =
              e.getCause() instanceof RuntimeException cause
                  ? cause
                  : new IllegalStateException(e.getCause());
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private Instant deadline() {
    return job.createdAt().plus(limits.jobTimeout());
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
