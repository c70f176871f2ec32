package dev.agentq.api.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cron ticks on the time line: five and six fields, and daylight saving time in Europe/Berlin
 * (2026-03-29 02:00 → 03:00, 2026-10-25 03:00 → 02:00) and America/New_York.
 */
class CronScheduleTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static List<Instant> ticks(String cron, ZoneId zone, String from, int count) {
    CronSchedule schedule = CronSchedule.parse(cron, zone);
    List<Instant> ticks = new ArrayList<>();
    Instant at = Instant.parse(from);
    for (int i = 0; i < count; i++) {
      at = schedule.nextAfter(at).orElseThrow();
      ticks.add(at);
    }
    return ticks;
  }

  @Test
  void fiveFieldsAreMinuteHourDayMonthWeekdayInTheZone() {
    assertThat(ticks("0 2 * * *", BERLIN, "2026-01-10T12:00:00Z", 2))
        .containsExactly(
            Instant.parse("2026-01-11T01:00:00Z"), Instant.parse("2026-01-12T01:00:00Z"));
    assertThat(ticks("0 2 * * *", ZoneId.of("UTC"), "2026-01-10T12:00:00Z", 1))
        .containsExactly(Instant.parse("2026-01-11T02:00:00Z"));
  }

  @Test
  void sixFieldsHaveSecondsFirst() {
    assertThat(ticks("30 0 2 * * *", BERLIN, "2026-01-10T12:00:00Z", 1))
        .containsExactly(Instant.parse("2026-01-11T01:00:30Z"));
  }

  @Test
  void aTickIsStrictlyAfterTheInstantGiven() {
    assertThat(ticks("0 2 * * *", ZoneId.of("UTC"), "2026-01-11T02:00:00Z", 1))
        .containsExactly(Instant.parse("2026-01-12T02:00:00Z"));
  }

  @Test
  void aWallClockTimeThatDoesNotExistRunsAtTheShiftedInstant() {
    // 02:30 does not exist on 2026-03-29 in Berlin: it runs at 03:30 CEST (01:30Z), once.
    assertThat(ticks("30 2 * * *", BERLIN, "2026-03-28T12:00:00Z", 3))
        .containsExactly(
            Instant.parse("2026-03-29T01:30:00Z"),
            Instant.parse("2026-03-30T00:30:00Z"),
            Instant.parse("2026-03-31T00:30:00Z"));
  }

  @Test
  void anHourlyTickInTheGapRunsOnceWithTheTickItCoincidesWith() {
    // Local 01:30 CET, 02:30 (skipped: 03:30 CEST), 03:30 CEST, 04:30 CEST.
    assertThat(ticks("30 * * * *", BERLIN, "2026-03-29T00:00:00Z", 3))
        .containsExactly(
            Instant.parse("2026-03-29T00:30:00Z"),
            Instant.parse("2026-03-29T01:30:00Z"),
            Instant.parse("2026-03-29T02:30:00Z"));
  }

  @Test
  void aWallClockTimeThatExistsTwiceRunsOnceAtItsFirstOccurrence() {
    // 02:30 happens at 00:30Z (CEST) and 01:30Z (CET) on 2026-10-25 in Berlin.
    assertThat(ticks("30 2 * * *", BERLIN, "2026-10-24T12:00:00Z", 2))
        .containsExactly(
            Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void anHourlyScheduleRunsOnceInTheRepeatedHour() {
    // Local 01:00 CEST, 02:00 CEST, (02:00 CET skipped), 03:00 CET.
    assertThat(ticks("0 * * * *", BERLIN, "2026-10-24T22:30:00Z", 3))
        .containsExactly(
            Instant.parse("2026-10-24T23:00:00Z"),
            Instant.parse("2026-10-25T00:00:00Z"),
            Instant.parse("2026-10-25T02:00:00Z"));
  }

  @Test
  void aTickAskedForFromInsideTheRepeatedHourIsNotRunAgain() {
    // Already past 02:30 CEST; at 02:10 CET the 02:30 of today has run: the next is tomorrow.
    assertThat(ticks("30 2 * * *", BERLIN, "2026-10-25T01:10:00Z", 1))
        .containsExactly(Instant.parse("2026-10-26T01:30:00Z"));
  }

  @Test
  void newYorkSpringsForwardAndFallsBackToo() {
    assertThat(ticks("30 2 * * *", ZoneId.of("America/New_York"), "2026-03-07T12:00:00Z", 2))
        .containsExactly(
            Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-09T06:30:00Z"));
    assertThat(ticks("30 1 * * *", ZoneId.of("America/New_York"), "2026-10-31T12:00:00Z", 2))
        .containsExactly(
            Instant.parse("2026-11-01T05:30:00Z"), Instant.parse("2026-11-02T06:30:00Z"));
  }

  @Test
  void badExpressionsAndZonesAreRefused() {
    assertThatThrownBy(() -> CronSchedule.parse("0 2 * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("found 4");
    assertThatThrownBy(() -> CronSchedule.parse("0 25 * * *", BERLIN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(CronSchedule.zone("Mars/Olympus")).isEmpty();
    assertThat(CronSchedule.zone("+02:00")).isEmpty();
    assertThat(CronSchedule.zone("Europe/Berlin")).contains(BERLIN);
  }

  @Test
  void anExpressionThatNeverMatchesHasNoTick() {
    assertThat(CronSchedule.parse("0 0 30 2 *", BERLIN).nextAfter(Instant.EPOCH)).isEmpty();
  }
}
