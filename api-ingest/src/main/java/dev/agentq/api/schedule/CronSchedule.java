package dev.agentq.api.schedule;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/**
 * A cron expression read as wall-clock times of one time zone. Five fields (minute first) get a
 * seconds field of 0; six fields are Spring's syntax with seconds first; macros such as
 * {@code @daily} work too.
 *
 * <p>Daylight saving time: ticks are matched on local times, then placed on the time line. A local
 * time that does not exist (skipped when clocks go forward) runs at the instant it maps to, shifted
 * by the length of the gap (02:30 becomes 03:30); a local time that exists twice (when clocks go
 * back) runs once, at its first occurrence.
 */
public final class CronSchedule {
  /** Enough to pass any gap or overlap; a match is never this many local times away. */
  private static final int MAX_STEPS = 1000;

  private final CronExpression expression;
  private final ZoneId zone;

  private CronSchedule(CronExpression expression, ZoneId zone) {
    this.expression = expression;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException if the expression is not one, with words saying why
   */
  public static CronSchedule parse(String cron, ZoneId zone) {
    String text = cron.strip();
    int fields = text.split("\\s+").length;
    String spring;
    if (text.startsWith("@")) {
      spring = text;
    } else if (fields == 5) {
      spring = "0 " + text;
    } else if (fields == 6) {
      spring = text;
    } else {
      throw new IllegalArgumentException(
          "expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first),"
              + " found "
              + fields);
    }
    return new CronSchedule(CronExpression.parse(spring), zone);
  }

  /** An IANA zone id, such as {@code Europe/Berlin} or {@code UTC}; offsets are not zones. */
  public static Optional<ZoneId> zone(String id) {
    if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
      return Optional.empty();
    }
    return Optional.of(ZoneId.of(id));
  }

  /** The first tick strictly after {@code after}; empty if the expression never matches again. */
  public Optional<Instant> nextAfter(Instant after) {
    LocalDateTime local = LocalDateTime.ofInstant(after, zone);
    for (int step = 0; step < MAX_STEPS; step++) {
      local = expression.next(local);
      if (local == null) {
        return Optional.empty();
      }
      // ofLocal: a skipped time moves forward by the gap, a doubled one takes its first offset.
      Instant at = ZonedDateTime.ofLocal(local, zone, null).toInstant();
      if (at.isAfter(after)) {
        return Optional.of(at);
      }
    }
    return Optional.empty();
  }
}
