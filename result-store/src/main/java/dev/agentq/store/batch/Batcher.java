package dev.agentq.store.batch;

import dev.agentq.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: many threads each hand in one item and wait; a few flusher threads take whatever
 * has queued up and write it in one transaction. Under load a flush carries many items for one
 * commit; when idle an item is flushed at once, so batching adds no latency.
 *
 * @param <I> what callers hand in
 * @param <O> what each caller gets back, in the same position as its item
 */
public final class Batcher<I, O> implements AutoCloseable {
  private static final Duration IDLE_POLL = Duration.ofMillis(100);

  private final String name;
  private final Function<List<I>, List<O>> flush;
  private final int maxBatch;
  private final BlockingQueue<Pending<I, O>> queue = new LinkedBlockingQueue<>();
  private final List<Thread> flushers = new ArrayList<>();
  private volatile boolean closed;

  private record Pending<I, O>(I item, CompletableFuture<O> result) {}

  /**
   * @param flush writes a batch in one transaction and returns one result per item, in order
   * @param flushers how many batches may be in flight at once
   */
  public Batcher(String name, Function<List<I>, List<O>> flush, int maxBatch, int flushers) {
    this.name = name;
    this.flush = flush;
    this.maxBatch = maxBatch;
    for (int i = 0; i < flushers; i++) {
      Thread thread =
          Thread.ofPlatform().daemon().name("agentq-" + name + "-" + i).unstarted(this::loop);
      this.flushers.add(thread);
      thread.start();
    }
  }

  /** Hands in one item and waits until the batch that carries it is committed. */
  public O submit(I item) {
    try {
      return submitLater(item).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new StoreException(name + " failed", e.getCause());
    }
  }

  /** Hands in one item; the future completes once the batch that carries it is committed. */
  public CompletableFuture<O> submitLater(I item) {
    if (closed) {
      try {
        return CompletableFuture.completedFuture(flush.apply(List.of(item)).getFirst());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    Pending<I, O> pending = new Pending<>(item, new CompletableFuture<>());
    queue.add(pending);
    return pending.result();
  }

  /** Items waiting for a flusher. */
  public int queued() {
    return queue.size();
  }

  private void loop() {
    List<Pending<I, O>> batch = new ArrayList<>(maxBatch);
    while (!closed || !queue.isEmpty()) {
      try {
        Pending<I, O> first = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending<I, O>> batch) {
    try {
      List<O> results = flush.apply(batch.stream().map(Pending::item).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(results.get(i));
      }
    } catch (RuntimeException e) {
      batch.forEach(pending -> pending.result().completeExceptionally(e));
    }
  }

  /** Flushes what is queued, then stops the flushers; later items are written one by one. */
  @Override
  public void close() {
    closed = true;
    for (Thread thread : flushers) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
