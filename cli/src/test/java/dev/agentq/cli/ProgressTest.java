package dev.agentq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

  @Test
  void theBarShowsCountsShareAndEta() {
    var counts = new BatchCounts(1000, 492, 8, 480, 20, 0, 0);
    assertThat(Progress.render(counts, Duration.ofSeconds(80)))
        .isEqualTo(
            "[############............]  50%  500/1000  ETA 1m20s  succeeded 480  failed 20"
                + "  running 8  queued 492");
    assertThat(Progress.render(new BatchCounts(3, 3, 0, 0, 0, 0, 2), null))
        .isEqualTo(
            "[........................]   0%  0/3  ETA --  succeeded 0  failed 0  running 0"
                + "  queued 3  invalid 2");
  }

  @Test
  void etaComesFromTheServerOrFromTheRateSinceTheStart() {
    var progress = new Progress(new PrintStream(new ByteArrayOutputStream()), false, T0);
    progress.update(new BatchCounts(100, 100, 0, 0, 0, 0, 0), T0, null, false);
    var quarter = new BatchCounts(100, 75, 0, 25, 0, 0, 0);
    assertThat(progress.eta(quarter, T0.plusSeconds(10), null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(progress.eta(quarter, T0.plusSeconds(10), T0.plusSeconds(70)))
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(progress.eta(new BatchCounts(100, 100, 0, 0, 0, 0, 0), T0.plusSeconds(10), null))
        .as("nothing ended yet")
        .isNull();
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlace() {
    var bytes = new ByteArrayOutputStream();
    var progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, T0);
    progress.update(new BatchCounts(2, 2, 0, 0, 0, 0, 0), T0, null, false);
    progress.update(new BatchCounts(2, 0, 0, 2, 0, 0, 0), T0.plusSeconds(1), null, true);
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown).startsWith("\r[").contains("\u001b[K\r[").endsWith("queued 0\u001b[K\n");
    assertThat(shown.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }

  @Test
  void onANarrowTerminalTheBarIsCutToFit() {
    var bytes = new ByteArrayOutputStream();
    var progress =
        new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, T0).fitTo(45);
    progress.update(new BatchCounts(2, 2, 0, 0, 0, 0, 0), T0, null, false);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("\r[........................]   0%  0/2  ETA --\u001b[K");
  }

  @Test
  void elsewhereChangesArePlainLinesAtMostEveryFiveSecondsAndTheLastAlways() {
    var bytes = new ByteArrayOutputStream();
    var progress = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, T0);
    progress.update(new BatchCounts(4, 4, 0, 0, 0, 0, 0), T0, null, false);
    progress.update(new BatchCounts(4, 3, 0, 1, 0, 0, 0), T0.plusSeconds(1), null, false);
    progress.update(new BatchCounts(4, 3, 0, 1, 0, 0, 0), T0.plusSeconds(6), null, false);
    progress.update(new BatchCounts(4, 2, 0, 2, 0, 0, 0), T0.plusSeconds(7), null, false);
    progress.update(new BatchCounts(4, 0, 0, 3, 1, 0, 0), T0.plusSeconds(8), null, true);
    var lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(3).noneMatch(line -> line.contains("\r") || line.contains("\u001b"));
    assertThat(lines.get(0)).contains("0/4");
    assertThat(lines.get(1)).as("shown 5 s after the first").contains("1/4");
    assertThat(lines.get(2)).contains("4/4", "failed 1", "ETA 0s");
  }

  @Test
  void durationsReadAndPrintAsPeopleWriteThem() {
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.parse("PT2M")).isEqualTo(Duration.ofMinutes(2));
    assertThat(Durations.parse("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(Durations.format(Duration.ofSeconds(185))).isEqualTo("3m05s");
    assertThat(Durations.format(Duration.ofMinutes(130))).isEqualTo("2h10m");
  }
}
