package dev.agentq.api.schedule;

import dev.agentq.api.auth.Caller;
import dev.agentq.api.docs.ApiDoc;
import dev.agentq.api.job.JobIds;
import dev.agentq.api.problem.Codes;
import dev.agentq.api.web.RequestBodies;
import dev.agentq.schemas.Violation;
import dev.agentq.schemas.schedule.ScheduleList;
import dev.agentq.schemas.schedule.ScheduleRequest;
import dev.agentq.schemas.schedule.ScheduleView;
import dev.agentq.store.schedule.NewSchedule;
import dev.agentq.store.schedule.Schedule;
import dev.agentq.store.schedule.SchedulePage;
import dev.agentq.store.schedule.ScheduleStore;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/schedules}: make a schedule (a cron expression in a time zone, and a job or a batch
 * each tick makes), list and read them with their latest runs, pause, resume and delete them.
 */
@RestController
@RequestMapping(path = "/v1/schedules", produces = MediaType.APPLICATION_JSON_VALUE)
public class ScheduleController {
  private static final int RUNS_SHOWN = 20;
  private static final int DEFAULT_LIMIT = 20;
  private static final int MAX_LIMIT = 100;

  private final ScheduleStore store;
  private final ScheduleDefinition definition;
  private final RequestBodies bodies;
  private final JobIds ids;
  private final Clock clock;

  public ScheduleController(
      ScheduleStore store,
      ScheduleDefinition definition,
      RequestBodies bodies,
      JobIds ids,
      Clock clock) {
    this.store = store;
    this.definition = definition;
    this.bodies = bodies;
    this.ids = ids;
    this.clock = clock;
  }

  @ApiDoc(
      summary = "Make a schedule",
      description =
          "cron has 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first),"
              + " read in time_zone. A job template is checked as POST /v1/jobs checks a job; a"
              + " batch template's directory must lie inside agentq.documents.directory (422"
              + " directory_not_allowed, directory_not_found). 400 invalid_cron, unknown_time_zone.",
      request = "schedule-request",
      answers = @ApiDoc.Answer(status = 201, description = "Made", schema = "schedule"),
      problems = {400, 413, 415, 422})
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ScheduleView> create(Caller caller, HttpServletRequest request)
      throws IOException {
    ScheduleRequest body = ScheduleRequest.parse(bodies.read(request));
    ScheduleDefinition.Checked checked = definition.check(body);
    Schedule schedule =
        store.create(
            new NewSchedule(
                ids.next(),
                caller.tenantId(),
                body.name(),
                body.cron().strip(),
                checked.zone().getId(),
                checked.template(),
                checked.cron().nextAfter(clock.instant()).orElseThrow()));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/v1/schedules/" + schedule.id()))
        .body(ScheduleViews.schedule(schedule, List.of()));
  }

  @ApiDoc(
      summary = "List schedules",
      description = "Newest first, without their runs; pass next_cursor back as cursor.",
      query = {"limit: 1 to 100, default 20", "cursor: next_cursor of the previous page"},
      answers = @ApiDoc.Answer(status = 200, description = "A page", schema = "schedule-list"),
      problems = 400)
  @GetMapping
  ScheduleList list(Caller caller, HttpServletRequest request) {
    Map<String, String[]> parameters = request.getParameterMap();
    List<Violation> problems = new ArrayList<>();
    parameters.keySet().stream()
        .filter(name -> !Set.of("limit", "cursor").contains(name))
        .sorted()
        .forEach(name -> problems.add(new Violation("/" + name, "unknown parameter")));
    int limit = DEFAULT_LIMIT;
    String limitText = request.getParameter("limit");
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        problems.add(new Violation("/limit", "an integer from 1 to " + MAX_LIMIT));
      }
    }
    SchedulePage.Position after = null;
    String cursor = request.getParameter("cursor");
    if (cursor != null && !cursor.isEmpty()) {
      after = ScheduleCursors.decode(cursor).orElse(null);
      if (after == null) {
        problems.add(new Violation("/cursor", "not a cursor this API gave out"));
      }
    }
    if (!problems.isEmpty()) {
      throw Codes.invalidQuery(problems);
    }
    SchedulePage page = store.list(caller.tenantId(), after, limit);
    String next = null;
    if (page.hasMore()) {
      Schedule last = page.schedules().getLast();
      next = ScheduleCursors.encode(new SchedulePage.Position(last.createdAt(), last.id()));
    }
    return new ScheduleList(
        page.schedules().stream().map(s -> ScheduleViews.schedule(s, null)).toList(),
        page.hasMore(),
        next);
  }

  @ApiDoc(
      summary = "Read a schedule",
      description = "With its latest runs, newest tick first, and the job or batch each made.",
      answers = @ApiDoc.Answer(status = 200, description = "The schedule", schema = "schedule"),
      problems = 404)
  @GetMapping("/{id}")
  ScheduleView get(Caller caller, @PathVariable String id) {
    return withRuns(
        JobIds.parse(id)
            .flatMap(uuid -> store.find(caller.tenantId(), uuid))
            .orElseThrow(() -> Codes.scheduleNotFound(id)));
  }

  @ApiDoc(
      summary = "Pause a schedule",
      description = "It makes no run until resumed, not even for the ticks it misses meanwhile.",
      answers = @ApiDoc.Answer(status = 200, description = "Paused", schema = "schedule"),
      problems = 404)
  @PostMapping("/{id}/pause")
  ScheduleView pause(Caller caller, @PathVariable String id) {
    return withRuns(
        JobIds.parse(id)
            .flatMap(uuid -> store.pause(caller.tenantId(), uuid))
            .orElseThrow(() -> Codes.scheduleNotFound(id)));
  }

  @ApiDoc(
      summary = "Resume a schedule",
      description =
          "It ticks again from the first tick after now; resuming an active one changes"
              + " nothing.",
      answers = @ApiDoc.Answer(status = 200, description = "Active", schema = "schedule"),
      problems = 404)
  @PostMapping("/{id}/resume")
  ScheduleView resume(Caller caller, @PathVariable String id) {
    Schedule schedule =
        JobIds.parse(id)
            .flatMap(uuid -> store.find(caller.tenantId(), uuid))
            .orElseThrow(() -> Codes.scheduleNotFound(id));
    CronSchedule cron = CronSchedule.parse(schedule.cron(), ZoneId.of(schedule.timeZone()));
    var next = cron.nextAfter(clock.instant()).orElseThrow();
    return withRuns(
        store
            .resume(caller.tenantId(), schedule.id(), next)
            .orElseThrow(() -> Codes.scheduleNotFound(id)));
  }

  @ApiDoc(
      summary = "Delete a schedule",
      description = "With its runs; the jobs and batches it made stay.",
      answers = @ApiDoc.Answer(status = 204, description = "Deleted"),
      problems = 404)
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
    UUID uuid = JobIds.parse(id).orElseThrow(() -> Codes.scheduleNotFound(id));
    if (!store.delete(caller.tenantId(), uuid)) {
      throw Codes.scheduleNotFound(id);
    }
    return ResponseEntity.noContent().build();
  }

  private ScheduleView withRuns(Schedule schedule) {
    return ScheduleViews.schedule(schedule, store.runs(schedule.id(), RUNS_SHOWN));
  }
}
