package dev.agentq.api.schedule;

import dev.agentq.schemas.schedule.ScheduleRunView;
import dev.agentq.schemas.schedule.ScheduleView;
import dev.agentq.store.schedule.Schedule;
import dev.agentq.store.schedule.ScheduleRun;
import java.util.List;

/** Store records as the API shows them. */
final class ScheduleViews {
  private ScheduleViews() {}

  /**
   * @param runs its latest runs, or null to leave them out (listings)
   */
  static ScheduleView schedule(Schedule s, List<ScheduleRun> runs) {
    return new ScheduleView(
        "schedule",
        s.id(),
        s.name(),
        s.cron(),
        s.timeZone(),
        s.paused() ? "paused" : "active",
        s.template().get("job"),
        s.template().get("batch"),
        s.nextRunAt(),
        s.lastRunAt(),
        s.createdAt(),
        s.updatedAt(),
        runs == null ? null : runs.stream().map(ScheduleViews::run).toList());
  }

  static ScheduleRunView run(ScheduleRun run) {
    return new ScheduleRunView(
        run.scheduledFor(),
        run.firedAt(),
        run.catchUp(),
        run.outcome(),
        run.jobId(),
        run.batchId(),
        run.detail());
  }
}
