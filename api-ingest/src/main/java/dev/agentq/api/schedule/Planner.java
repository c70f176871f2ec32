package dev.agentq.api.schedule;

import dev.agentq.api.job.JobIds;
import dev.agentq.schemas.JobRequest;
import dev.agentq.schemas.Json;
import dev.agentq.schemas.Lane;
import dev.agentq.schemas.schedule.BatchTemplate;
import dev.agentq.store.NewJob;
import dev.agentq.store.schedule.Firing;
import dev.agentq.store.schedule.Schedule;
import dev.agentq.store.schedule.ScheduleStore;
import dev.agentq.store.schedule.SeenFile;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides what a due tick of a schedule does, inside the transaction that claimed it.
 *
 * <p>Missed ticks: a tick late by no more than {@code missedAfter} runs as usual, and the next tick
 * is the one after it. A tick later than that (the API was down, or no instance ran a scheduler)
 * makes exactly one catch-up run, marked {@code catch_up}, for all the ticks missed, and the next
 * tick is the first one after now. Paused schedules have no tick and make no run at all.
 */
public final class Planner {
  /** Metadata key naming the schedule on the jobs and batches it makes. */
  static final String SCHEDULE_KEY = "agentq.schedule_id";

  /** The tick a schedule's batch was made for, in its metadata. */
  static final String TICK_KEY = "agentq.schedule_tick";

  /** Lines of one batch, as POST /v1/batches takes at most; the rest wait for the next tick. */
  static final int MAX_FILES = 100_000;

  private static final int MAX_METADATA = 32;

  private final JobIds ids;
  private final Duration missedAfter;
  private final int maxAttempts;
  private final ToIntFunction<String> maxQueuedJobs;
  private final DocumentsDirectory documents;
  private final BatchSubmitter batches;
  private final ScheduleStore store;

  /**
   * @param maxQueuedJobs the cap on waiting jobs of a tenant
   */
  public Planner(
      JobIds ids,
      Duration missedAfter,
      int maxAttempts,
      ToIntFunction<String> maxQueuedJobs,
      DocumentsDirectory documents,
      BatchSubmitter batches,
      ScheduleStore store) {
    this.ids = ids;
    this.missedAfter = missedAfter;
    this.maxAttempts = maxAttempts;
    this.maxQueuedJobs = maxQueuedJobs;
    this.documents = documents;
    this.batches = batches;
    this.store = store;
  }

  Firing plan(Schedule schedule, Instant now) {
    Instant tick = schedule.nextRunAt();
    boolean catchUp = Duration.between(tick, now).compareTo(missedAfter) > 0;
    CronSchedule cron = CronSchedule.parse(schedule.cron(), ZoneId.of(schedule.timeZone()));
    Instant after = catchUp ? now : tick;
    // A cron that never matches again parks the schedule a century ahead rather than fail forever.
    Instant next = cron.nextAfter(after).orElse(after.plus(Duration.ofDays(36_500)));
    return new Firing(tick, catchUp, next, launch(schedule));
  }

  private Firing.Launch launch(Schedule schedule) {
    try {
      if (schedule.template().has("job")) {
        return job(schedule);
      }
      return batch(schedule);
    } catch (RuntimeException e) {
      // A run that cannot be made is recorded and skipped; the schedule keeps its cadence.
      return new Firing.Skip(
          e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private Firing.Launch job(Schedule schedule) {
    JobRequest request = Json.convert(schedule.template().get("job"), JobRequest.class);
    NewJob job =
        new NewJob(
            ids.next(),
            schedule.tenantId(),
            request.agent(),
            Lane.BATCH,
            request.input(),
            request.threadId(),
            request.webhookUrl(),
            withSchedule(request.metadata(), schedule),
            maxAttempts);
    return new Firing.Job(job, maxQueuedJobs.applyAsInt(schedule.tenantId()));
  }

  private Firing.Launch batch(Schedule schedule) {
    BatchTemplate template = Json.convert(schedule.template().get("batch"), BatchTemplate.class);
    List<SeenFile> listed = documents.files(template.directory(), template.pattern(), MAX_FILES);
    List<SeenFile> files = listed;
    if (template.onlyNew()) {
      Set<SeenFile> seen = store.seen(schedule.id(), listed);
      files = listed.stream().filter(file -> !seen.contains(file)).toList();
    }
    // The instance that ran this tick before may have made its batch and died before the
    // schedule's own commit: that batch is this run's, and no second one is made.
    Map<String, String> tags =
        Map.of(SCHEDULE_KEY, schedule.id().toString(), TICK_KEY, schedule.nextRunAt().toString());
    Optional<BatchSubmitter.Made> made = batches.find(schedule.tenantId(), tags);
    if (made.isPresent()) {
      Set<String> sent = made.get().customIds();
      return new Firing.Batch(
          files.stream().filter(file -> sent.contains(file.path())).toList(), made.get().id());
    }
    if (files.isEmpty()) {
      return new Firing.Skip("no new files in " + template.directory());
    }
    String jsonl =
        files.stream()
            .map(
                file -> {
                  ObjectNode line = Json.object();
                  line.put("custom_id", file.path());
                  line.put("agent", template.agent());
                  line.putObject("input").put("file", file.path());
                  return Json.write(line);
                })
            .collect(Collectors.joining("\n", "", "\n"));
    var id = batches.submit(schedule.tenantId(), new StringReader(jsonl), tags);
    return new Firing.Batch(files, id);
  }

  private static Map<String, String> withSchedule(Map<String, String> metadata, Schedule schedule) {
    if (metadata.size() >= MAX_METADATA || metadata.containsKey(SCHEDULE_KEY)) {
      return metadata;
    }
    Map<String, String> tagged = new LinkedHashMap<>(metadata);
    tagged.put(SCHEDULE_KEY, schedule.id().toString());
    return tagged;
  }
}
