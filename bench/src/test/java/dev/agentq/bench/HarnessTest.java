package dev.agentq.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentq.bench.Options.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessTest {

  @Test
  void defaultsRunEverythingAtFullSize() {
    Options options = Options.parse();

    assertThat(options.scenarios()).containsExactlyInAnyOrder(Scenario.values());
    assertThat(options.jdbcUrl()).isEqualTo(Options.DEFAULT_JDBC);
    assertThat(options.jobs()).isEqualTo(10_000);
    assertThat(options.warmup()).isEqualTo(1000);
    assertThat(options.threads()).containsExactly(8, 32);
    assertThat(options.inflightJobs()).isEqualTo(10_000);
    assertThat(options.allowUnsafe()).isFalse();
  }

  @Test
  void flagsChooseScenariosAndSizes() {
    Options options =
        Options.parse(
            "--scenario", "pg,agentq", "--jobs", "500", "--threads", "4", "--allow-unsafe");

    assertThat(options.scenarios()).containsExactlyInAnyOrder(Scenario.PG, Scenario.AGENTQ);
    assertThat(options.jobs()).isEqualTo(500);
    assertThat(options.warmup()).isEqualTo(100);
    assertThat(options.threads()).isEqualTo(List.of(4));
    assertThat(options.allowUnsafe()).isTrue();
  }

  @Test
  void anUnknownFlagOrScenarioIsRefused() {
    assertThatThrownBy(() -> Options.parse("--speed", "11")).hasMessageContaining("--speed");
    assertThatThrownBy(() -> Options.parse("--scenario", "rabbit")).hasMessageContaining("rabbit");
    assertThatThrownBy(() -> Options.parse("--jobs", "0")).hasMessageContaining("--jobs");
  }

  @Test
  void percentilesAreByNearestRank() {
    List<Double> values = new java.util.ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      values.add((double) i);
    }

    Percentiles percentiles = Percentiles.of(values);

    assertThat(percentiles.p50()).isEqualTo(50);
    assertThat(percentiles.p99()).isEqualTo(99);
    assertThat(percentiles.max()).isEqualTo(100);
    assertThat(Percentiles.of(List.of()).count()).isZero();
  }

  @Test
  void aScrapeSumsTheHeapPoolsAndReadsTheGauge() {
    String exposition =
        """
        # HELP agentq_worker_inflight jobs this worker is running
        # TYPE agentq_worker_inflight gauge
        agentq_worker_inflight{application="agentq-worker"} 9876.0
        jvm_memory_used_bytes{application="agentq-worker",area="heap",id="G1 Eden Space"} 1.0E8
        jvm_memory_used_bytes{application="agentq-worker",area="heap",id="G1 Old Gen"} 2.5E7
        jvm_memory_used_bytes{application="agentq-worker",area="nonheap",id="Metaspace"} 9.0E7
        """;

    Scrape scrape = Scrape.parse(exposition);

    assertThat(scrape.inflight()).isEqualTo(9876);
    assertThat(scrape.heapUsedBytes()).isEqualTo(125_000_000);
  }
}
