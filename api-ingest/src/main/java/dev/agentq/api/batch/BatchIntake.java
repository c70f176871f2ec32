package dev.agentq.api.batch;

import dev.agentq.api.job.JobIds;
import dev.agentq.api.problem.ApiProblem;
import dev.agentq.api.problem.Codes;
import dev.agentq.schemas.webhook.WebhookUrlPolicy;
import dev.agentq.store.batches.Batch;
import dev.agentq.store.batches.BatchChunk;
import dev.agentq.store.batches.BatchLine;
import dev.agentq.store.batches.BatchStore;
import dev.agentq.store.batches.InvalidLine;
import dev.agentq.store.batches.NewBatch;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes a batch in: reads JSONL a line at a time, checks each line as a single submit would, and
 * stores the jobs a few hundred per transaction with their dispatch messages, so that the first
 * jobs run while the rest is read. Bad lines are recorded with their numbers and the rest proceed;
 * with {@code all_or_nothing} one bad line refuses the whole batch and nothing is kept.
 */
public final class BatchIntake {
  /** Lines checked and stored per transaction. */
  static final int CHUNK_LINES = 500;

  /** Refused lines listed in a batch view and in a {@code batch_invalid_lines} problem. */
  public static final int LISTED_INVALID_LINES = 1000;

  private final BatchStore batches;
  private final JobIds ids;
  private final Runnable onStored;
  private final int maxAttempts;
  private final BatchLimits limits;
  private final WebhookUrlPolicy webhookPolicy;

  /**
   * @param onStored called after each chunk commits, to publish its jobs without waiting a poll
   */
  public BatchIntake(
      BatchStore batches,
      JobIds ids,
      Runnable onStored,
      int maxAttempts,
      BatchLimits limits,
      WebhookUrlPolicy webhookPolicy) {
    this.batches = batches;
    this.ids = ids;
    this.onStored = onStored;
    this.maxAttempts = maxAttempts;
    this.limits = limits;
    this.webhookPolicy = webhookPolicy;
  }

  /** A batch taken in. */
  public record Accepted(Batch batch) {
    public UUID id() {
      return batch.id();
    }
  }

  /** Takes a batch in for {@code tenantId}, without a request id of its own. */
  public Accepted submit(String tenantId, Reader jsonl, BatchOptions options) {
    return submit(tenantId, jsonl, options, null);
  }

  /**
   * Takes a batch in.
   *
   * @throws ApiProblem {@code batch_empty}, {@code batch_too_large}, {@code batch_invalid_lines}
   *     (all or nothing) or {@code webhook_url_forbidden}; nothing is kept then
   */
  public Accepted submit(String tenantId, Reader jsonl, BatchOptions options, String requestId) {
    if (options.webhookUrl() != null) {
      Optional<String> refused = webhookPolicy.problem(options.webhookUrl());
      if (refused.isPresent()) {
        throw Codes.webhookUrlForbidden("/webhook_url", refused.get());
      }
    }
    NewBatch batch =
        new NewBatch(ids.next(), tenantId, options.webhookUrl(), options.metadata(), requestId);
    Lines lines =
        new Lines(
            new LineReader(jsonl, limits.maxLineChars()),
            new LineCheck(tenantId, ids::next, maxAttempts),
            options.allOrNothing());
    try {
      return new Accepted(batches.intake(batch, lines::next, options.allOrNothing()));
    } finally {
      onStored.run();
    }
  }

  /** The upload's chunks, checked as the store asks for them. */
  private final class Lines {
    private final LineReader reader;
    private final LineCheck check;
    private final boolean allOrNothing;
    private final List<InvalidLine> listed = new ArrayList<>();
    private int number;
    private int nonBlank;
    private int invalid;
    private boolean started;

    Lines(LineReader reader, LineCheck check, boolean allOrNothing) {
      this.reader = reader;
      this.check = check;
      this.allOrNothing = allOrNothing;
    }

    BatchChunk next() {
      if (started && !allOrNothing) {
        onStored.run();
      }
      started = true;
      List<BatchLine> jobs = new ArrayList<>();
      List<InvalidLine> refused = new ArrayList<>();
      int first = number;
      while (jobs.size() + refused.size() < CHUNK_LINES) {
        LineReader.Line line = reader.next();
        if (line == null) {
          break;
        }
        number++;
        if (!line.tooLong() && line.text().isBlank()) {
          continue;
        }
        if (++nonBlank > limits.maxLines()) {
          throw Codes.batchTooLarge(
              "it has more than " + limits.maxLines() + " lines, the limit of one batch");
        }
        if (line.tooLong()) {
          refuse(
              refused,
              new InvalidLine(
                  number,
                  null,
                  "invalid_jsonl_line",
                  "longer than " + limits.maxLineChars() + " characters, the limit of one line"));
          continue;
        }
        switch (check.check(number, line.text())) {
          case LineCheck.Valid valid -> {
            if (invalid == 0 || !allOrNothing) {
              jobs.add(valid.line());
            }
          }
          case LineCheck.Invalid bad -> refuse(refused, bad.line());
        }
      }
      if (number == first) {
        if (nonBlank == 0) {
          throw Codes.batchEmpty();
        }
        if (allOrNothing && invalid > 0) {
          throw Codes.batchInvalidLines(invalid, listed);
        }
        return null;
      }
      return new BatchChunk(
          allOrNothing && invalid > 0 ? List.of() : jobs, refused, number - first);
    }

    private void refuse(List<InvalidLine> refused, InvalidLine line) {
      invalid++;
      refused.add(line);
      if (listed.size() < LISTED_INVALID_LINES) {
        listed.add(line);
      }
    }
  }
}
