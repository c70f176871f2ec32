package dev.agentq.store.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatcherTest {

  @Test
  void itemsThatQueueWhileABatchIsWrittenGoOutTogetherInTheNext() throws Exception {
    CountDownLatch firstFlushEntered = new CountDownLatch(1);
    CountDownLatch releaseFirstFlush = new CountDownLatch(1);
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    try (Batcher<Integer, Integer> batcher =
            new Batcher<>(
                "test",
                items -> {
                  batches.add(List.copyOf(items));
                  if (batches.size() == 1) {
                    firstFlushEntered.countDown();
                    awaitLatch(releaseFirstFlush);
                  }
                  return items.stream().map(i -> i * 10).toList();
                },
                100,
                1);
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Integer> first = callers.submit(() -> batcher.submit(0));
      assertThat(firstFlushEntered.await(10, TimeUnit.SECONDS)).isTrue();
      List<Future<Integer>> queued = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        int item = i;
        queued.add(callers.submit(() -> batcher.submit(item)));
      }
      await().atMost(Duration.ofSeconds(10)).until(() -> batcher.queued() == 20);
      releaseFirstFlush.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isZero();
      for (int i = 0; i < 20; i++) {
        assertThat(queued.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
      }
      assertThat(batches).hasSize(2);
      assertThat(batches.get(1)).hasSize(20);
    }
  }

  @Test
  void aFailedBatchFailsEveryItemInIt() {
    try (Batcher<Integer, Integer> batcher =
        new Batcher<>(
            "test",
            items -> {
              throw new IllegalStateException("database down");
            },
            100,
            1)) {
      assertThatThrownBy(() -> batcher.submit(1)).hasMessage("database down");
    }
  }

  @Test
  void afterCloseItemsAreWrittenOneByOne() {
    List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    Batcher<Integer, Integer> batcher =
        new Batcher<>(
            "test",
            items -> {
              batches.add(items);
              return items;
            },
            100,
            1);
    batcher.close();

    assertThat(batcher.submit(7)).isEqualTo(7);
    assertThat(batches).containsExactly(List.of(7));
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
